//! `qctl rpc`

use clap::Args;

use super::{Context, Ui};
use crate::error::{Error, Result};
use crate::ops::live;
use crate::quorum::rpc;

/// Call a JSON-RPC method on a node's geth and print the result as JSON
#[derive(Debug, Args)]
#[command(
    after_help = "Reaches geth's HTTP port through a port-forward of the API server; prints \
the `result` as JSON. A JSON-RPC error exits 1 with its code and message.

Examples:
  qctl rpc node1 eth_blockNumber
  qctl rpc node1 eth_getBlockByNumber '[\"latest\", false]'
  qctl rpc node1 istanbul_getValidators"
)]
pub struct RpcArgs {
    /// The node (of this config)
    pub node: String,
    /// The method, e.g. eth_blockNumber
    pub method: String,
    /// Its parameters: a JSON array (or object) [default: []]
    pub params: Option<String>,
}

pub fn run(ui: &mut Ui, ctx: &Context, args: &RpcArgs) -> Result<()> {
    let node = live::local_node(&ctx.loaded()?.config, &args.node)?;
    check_method(&args.method)?;
    let params = rpc::params(args.params.as_deref()).map_err(Error::user)?;
    let ns = ctx.namespace()?;
    let result = live::rpc(ctx.cluster()?, &ns, &node.name, &args.method, &params)?;
    ui.data(&serde_json::to_string_pretty(&result).expect("a JSON value renders"))
}

/// JSON-RPC method names are `namespace_method`, letters, digits and underscores.
fn check_method(method: &str) -> Result<()> {
    let ok = method.contains('_')
        && method
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(Error::user(format!(
            "`{}` is not a JSON-RPC method name; methods look like `eth_blockNumber`",
            crate::text::sanitize(method)
        )))
    }
}
