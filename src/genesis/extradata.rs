//! Genesis `extraData` layouts that carry the initial validator set.
//!
//! - IBFT (istanbul): 32-byte vanity ‖ `RLP([validators], seal, committedSeals])`, seal being 65
//!   zero bytes and committedSeals an empty list, as istanbul-tools `extra encode` writes it.
//! - QBFT: one RLP list `[vanity, [validators], vote, round, committedSeals]` with vote nil
//!   (`c0`), round 0 (`80`) and no seals (`c0`), as GoQuorum's QBFT engine writes it.
//! - Clique: 32-byte vanity ‖ signer addresses ‖ 65-byte zero seal (not RLP).

use alloy_rlp::{Encodable, Header};

const VANITY: [u8; 32] = [0; 32];
const SEAL: [u8; 65] = [0; 65];

/// RLP of a list whose items are already encoded.
fn list(items: &[Vec<u8>]) -> Vec<u8> {
    let payload_length = items.iter().map(Vec::len).sum();
    let mut out = Vec::with_capacity(payload_length + 9);
    Header {
        list: true,
        payload_length,
    }
    .encode(&mut out);
    for item in items {
        out.extend_from_slice(item);
    }
    out
}

/// RLP of a byte string.
fn bytes(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + 9);
    data.encode(&mut out);
    out
}

fn addresses(validators: &[[u8; 20]]) -> Vec<u8> {
    list(&validators.iter().map(|v| bytes(v)).collect::<Vec<_>>())
}

/// IBFT (istanbul) extraData for `validators`, in the given order.
pub fn ibft(validators: &[[u8; 20]]) -> Vec<u8> {
    let mut out = VANITY.to_vec();
    out.extend(list(&[addresses(validators), bytes(&SEAL), list(&[])]));
    out
}

/// QBFT extraData for `validators`, in the given order.
pub fn qbft(validators: &[[u8; 20]]) -> Vec<u8> {
    list(&[
        bytes(&VANITY),
        addresses(validators),
        list(&[]),
        bytes(&[]),
        list(&[]),
    ])
}

/// Clique extraData for `signers`, in the given order.
pub fn clique(signers: &[[u8; 20]]) -> Vec<u8> {
    let mut out = VANITY.to_vec();
    for signer in signers {
        out.extend_from_slice(signer);
    }
    out.extend_from_slice(&SEAL);
    out
}

/// `0x` + lower-case hex, the form genesis.json uses.
pub fn to_hex(extra: &[u8]) -> String {
    format!("0x{}", hex::encode(extra))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::address;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Vectors {
        vectors: Vec<Vector>,
    }

    #[derive(Deserialize)]
    struct Vector {
        name: String,
        consensus: String,
        expect: String,
        validators: Vec<String>,
        #[serde(rename = "extraData")]
        extra_data: String,
    }

    /// Known answers from public GoQuorum sources (each entry cites its repository, commit and
    /// path): qubernetes 7nodes genesis files, quorum-examples extradata files, the
    /// quorum-dev-quickstart QBFT genesis, GoQuorum's own engine tests, and negative cases.
    fn vectors() -> Vec<Vector> {
        let text = include_str!("../../testdata/genesis/extradata-vectors.json");
        serde_json::from_str::<Vectors>(text).unwrap().vectors
    }

    fn encode(consensus: &str, validators: &[String]) -> Vec<u8> {
        let parsed: Vec<[u8; 20]> = validators
            .iter()
            .map(|v| address::parse(v).unwrap())
            .collect();
        match consensus {
            "istanbul" => ibft(&parsed),
            "qbft" => qbft(&parsed),
            "clique" => clique(&parsed),
            other => panic!("no encoder for {other}"),
        }
    }

    #[test]
    fn encodings_match_every_published_extradata() {
        let matches: Vec<Vector> = vectors()
            .into_iter()
            .filter(|v| v.expect == "match")
            .collect();
        assert!(matches.len() >= 7);
        for v in matches {
            let ours = to_hex(&encode(&v.consensus, &v.validators));
            assert_eq!(ours, v.extra_data.to_lowercase(), "{}", v.name);
        }
    }

    #[test]
    fn encodings_differ_from_the_published_negative_cases() {
        let negatives: Vec<Vector> = vectors()
            .into_iter()
            .filter(|v| v.expect != "match")
            .collect();
        assert_eq!(negatives.len(), 2);
        for v in negatives {
            let ours = to_hex(&encode(&v.consensus, &v.validators));
            assert_ne!(ours, v.extra_data.to_lowercase(), "{}", v.name);
        }
    }

    #[test]
    fn qbft_ends_with_nil_vote_zero_round_and_no_seals() {
        let extra = qbft(&[[0x11; 20]]);
        assert!(extra.ends_with(&[0xc0, 0x80, 0xc0]));
        assert_eq!(
            &extra[..2],
            &[0xf8, 33 + 22 + 3],
            "list header of the 58-byte payload"
        );
        assert_eq!(&extra[2..35], &bytes(&VANITY)[..]);
    }

    #[test]
    fn clique_is_vanity_signers_and_seal() {
        let extra = clique(&[[0xaa; 20], [0xbb; 20]]);
        assert_eq!(extra.len(), 32 + 40 + 65);
        assert_eq!(&extra[32..52], &[0xaa; 20]);
        assert_eq!(&extra[52..72], &[0xbb; 20]);
    }
}
