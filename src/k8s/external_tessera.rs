//! The objects that stand for other organisations' Tessera nodes in this cluster: per external
//! node with a `Tm_Url`, a selector-less Service named like the node (so the URL its Tessera
//! advertises, `http://<node>:9001`, resolves here) and, for an IP, the EndpointSlice that
//! leads it to the `Tm_Url`.

use k8s_openapi::api::core::v1::{Service, ServicePort, ServiceSpec};
use k8s_openapi::api::discovery::v1::{Endpoint, EndpointConditions, EndpointPort, EndpointSlice};
use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use super::names::{self, components};
use super::objects::{Context, port_names};
use crate::external::{Host, TmUrl};
use crate::network::{ExternalNode, ServiceType, ports};

/// Where an external node's Tessera is reached from this cluster, read from its `Tm_Url`.
pub(super) enum ExternalTessera {
    /// An IP: a selector-less ClusterIP Service whose EndpointSlice maps port 9001 to the
    /// remote port.
    Ip { ip: std::net::IpAddr, port: u16 },
    /// A DNS name: an ExternalName Service (a CNAME), which cannot map ports, so the remote
    /// port is 9001.
    Name(String),
}

/// How `node`'s Tessera is reached, `None` when it has no `Tm_Url`; `Err` with the reason when
/// this cluster cannot stand for it under its name.
pub(super) fn target(node: &ExternalNode) -> Option<Result<ExternalTessera, String>> {
    let text = node.tm_url.as_deref()?;
    let url = match text.parse::<TmUrl>() {
        Ok(url) => url,
        Err(e) => return Some(Err(format!("Tm_Url `{text}`: {e}"))),
    };
    Some(match url.host {
        Host::Ip(ip) => {
            let unusable = match ip {
                std::net::IpAddr::V4(v4) => {
                    v4.is_loopback() || v4.is_link_local() || v4.is_unspecified()
                }
                std::net::IpAddr::V6(v6) => {
                    v6.is_loopback() || v6.is_unspecified() || v6.is_unicast_link_local()
                }
            };
            if unusable {
                Err(format!(
                    "Tm_Url `{text}`: an EndpointSlice cannot point at the loopback, link-local \
                     or unspecified address {ip}; import the node's public address"
                ))
            } else {
                Ok(ExternalTessera::Ip { ip, port: url.port })
            }
        }
        Host::Name(name) if url.port == ports::TESSERA_P2P => Ok(ExternalTessera::Name(name)),
        Host::Name(name) => Err(format!(
            "Tm_Url `{text}`: a Tessera reached at the DNS name `{name}` must listen on port {} \
             there (an ExternalName Service cannot change the port); export the node with \
             `k8s.service.type: LoadBalancer`, or import its IP address instead of the name",
            ports::TESSERA_P2P
        )),
    })
}

/// The Service that makes `http://<node>:9001`, the URL an external node's Tessera advertises,
/// resolve in this cluster, and for an IP its EndpointSlice.
pub(super) fn objects(
    ctx: &Context,
    node: &ExternalNode,
    target: &ExternalTessera,
) -> (Service, Option<EndpointSlice>) {
    let name = names::external_tessera_service(&node.name);
    let labels = names::node_labels(&node.name, components::EXTERNAL_TESSERA);
    let port = |target_port: Option<u16>| ServicePort {
        name: Some(port_names::TESSERA_P2P.into()),
        port: ports::TESSERA_P2P.into(),
        target_port: target_port.map(|p| IntOrString::Int(p.into())),
        protocol: Some("TCP".into()),
        ..ServicePort::default()
    };
    match target {
        ExternalTessera::Name(host) => {
            let service = Service {
                metadata: ctx.meta(name, labels),
                spec: Some(ServiceSpec {
                    type_: Some("ExternalName".into()),
                    external_name: Some(host.clone()),
                    ports: Some(vec![port(None)]),
                    ..ServiceSpec::default()
                }),
                ..Service::default()
            };
            (service, None)
        }
        ExternalTessera::Ip { ip, port: remote } => {
            let service = Service {
                metadata: ctx.meta(name.clone(), labels.clone()),
                spec: Some(ServiceSpec {
                    type_: Some(ServiceType::ClusterIP.as_str().into()),
                    ports: Some(vec![port(Some(*remote))]),
                    ..ServiceSpec::default()
                }),
                ..Service::default()
            };
            let mut slice_labels = labels;
            slice_labels.insert(names::LABEL_SERVICE_NAME.into(), name.clone());
            slice_labels.insert(
                names::LABEL_ENDPOINTSLICE_MANAGED_BY.into(),
                names::ENDPOINTSLICE_MANAGER.into(),
            );
            let address_type = if ip.is_ipv4() { "IPv4" } else { "IPv6" };
            let slice = EndpointSlice {
                metadata: ctx.meta(name, slice_labels),
                address_type: address_type.into(),
                endpoints: vec![Endpoint {
                    addresses: vec![ip.to_string()],
                    conditions: Some(EndpointConditions {
                        ready: Some(true),
                        ..EndpointConditions::default()
                    }),
                    ..Endpoint::default()
                }],
                ports: Some(vec![EndpointPort {
                    name: Some(port_names::TESSERA_P2P.into()),
                    port: Some((*remote).into()),
                    protocol: Some("TCP".into()),
                    ..EndpointPort::default()
                }]),
            };
            (service, Some(slice))
        }
    }
}
