//! The secp256k1 nodekey: its file form (64 hex digits) and the public identity derived from it
//! (enode id, node address).

use k256::SecretKey;

use super::{KeyError, address, enode, random_bytes};

/// A fresh nodekey from the operating system's random source. Values that are not a valid
/// scalar (zero, or not below the curve order) are drawn again.
pub fn generate() -> Result<SecretKey, KeyError> {
    loop {
        let bytes = random_bytes::<32>()?;
        if let Ok(key) = SecretKey::from_slice(&bytes) {
            return Ok(key);
        }
    }
}

/// The file form: 64 lower-case hex digits, no `0x`, no newline.
pub fn to_hex(key: &SecretKey) -> String {
    hex::encode(key.to_bytes())
}

/// Parses a nodekey file. Surrounding whitespace (hand-made files end with a newline) and an
/// `0x` prefix are accepted. The error never echoes the input, which is a private key.
pub fn parse(text: &str) -> Result<SecretKey, KeyError> {
    let text = text.trim();
    let digits = text.strip_prefix("0x").unwrap_or(text);
    if digits.len() != 64 {
        return Err(KeyError::Nodekey(format!(
            "expected 64 hex digits, found {}",
            digits.len()
        )));
    }
    let mut bytes = [0u8; 32];
    hex::decode_to_slice(digits, &mut bytes).map_err(|_| {
        KeyError::Nodekey("expected 64 hex digits, found a non-hex character".into())
    })?;
    SecretKey::from_slice(&bytes).map_err(|_| {
        KeyError::Nodekey("the value is zero or not below the secp256k1 curve order".into())
    })
}

/// The enode id: 128 lower-case hex digits of the uncompressed public key X‖Y.
pub fn enode_id(key: &SecretKey) -> String {
    hex::encode(enode::public_key_xy(&key.public_key()))
}

/// The 20-byte address of a secp256k1 key (node address for a nodekey, account address for an
/// account key).
pub fn address_bytes(key: &SecretKey) -> [u8; 20] {
    address::from_public_key(&enode::public_key_xy(&key.public_key()))
}

/// The EIP-55 `0x…` address of a key.
pub fn address(key: &SecretKey) -> String {
    address::to_checksum(&address_bytes(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// nodekey → enode id → node address, from `quorum-public-vectors.json` `node_keys`:
    /// Consensys/qubernetes@4e6a879 `7nodes/key{1,2}/{nodekey,enode}` with the addresses of
    /// `7nodes/istanbul-validator-config.toml`, and Consensys/quorum-dev-quickstart@b7a3c64
    /// `files/common/config/nodes/validator1/{nodekey,nodekey.pub,address}`.
    const VECTORS: [(&str, &str, &str); 3] = [
        (
            "1be3b50b31734be48452c29d714941ba165ef0cbf3ccea8ca16c45e3d8d45fb0",
            "ac6b1096ca56b9f6d004b779ae3728bf83f8e22453404cc3cef16a3d9b96608bc67c4b30db88e0a5a6c6390213f7acbe1153ff6d23ce57380104288ae19373ef",
            "0xd8Dba507e85F116b1f7e231cA8525fC9008A6966",
        ),
        (
            "9bdd6a2e7cc1ca4a4019029df3834d2633ea6e14034d6dcc3b944396fe13a08b",
            "0ba6b9f606a43a95edc6247cdb1c1e105145817be7bcafd6b2c0ba15d58145f0dc1a194f70ba73cd6f4cdd6864edc7687f311254c7555cc32e4d45aeb1b80416",
            "0x6571D97f340c8495B661a823F2C2145cA47D63c2",
        ),
        (
            "1a2c4ff0f1b38e2322658dba692816138eb22d002515df1fffca21278f406aa9",
            "8208a3f344695d44e9cf2c023683cbea7b9343e2f70a5e804bd2c93858e945f8f91439eef96a4ab6c47ff06637d6fbe6472f96de1655a1bee57ea896654f3a22",
            "0x93917cadbace5dfce132b991732c6cda9bcc5b8a",
        ),
    ];

    #[test]
    fn published_nodekeys_give_their_published_enode_ids_and_addresses() {
        for (hex_key, enode, addr) in VECTORS {
            let key = parse(hex_key).unwrap();
            assert_eq!(enode_id(&key), enode);
            assert_eq!(address(&key).to_lowercase(), addr.to_lowercase());
            assert_eq!(
                address(&key),
                address::to_checksum(&address::parse(&address(&key)).unwrap())
            );
            assert_eq!(to_hex(&key), hex_key);
        }
    }

    #[test]
    fn nodekey_files_with_newlines_or_0x_prefix_parse() {
        let (hex_key, enode, _) = VECTORS[0];
        for text in [format!("{hex_key}\n"), format!("  0x{hex_key}\r\n")] {
            assert_eq!(enode_id(&parse(&text).unwrap()), enode);
        }
    }

    #[test]
    fn zero_out_of_range_and_malformed_nodekeys_are_refused_without_echoing_them() {
        let order = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
        for bad in [
            "0".repeat(64),
            order.to_string(),
            "ab".into(),
            "zz".repeat(32),
        ] {
            let err = parse(&bad).unwrap_err().to_string();
            assert!(err.starts_with("invalid nodekey"), "{err}");
            assert!(bad.len() < 8 || !err.contains(&bad), "{err}");
        }
    }

    #[test]
    fn generated_nodekeys_are_distinct_valid_scalars() {
        let a = generate().unwrap();
        let b = generate().unwrap();
        assert_ne!(to_hex(&a), to_hex(&b));
        assert_eq!(to_hex(&parse(&to_hex(&a)).unwrap()), to_hex(&a));
        enode::parse_id(&enode_id(&a)).unwrap();
    }
}
