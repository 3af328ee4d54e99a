//! Enode ids: the 64-byte uncompressed secp256k1 public key X‖Y, as 128 hex digits.

use k256::elliptic_curve::sec1::ToEncodedPoint;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnodeIdError {
    #[error("enode id must be 128 hex digits, got {0}")]
    BadLength(usize),
    #[error("enode id is not hex")]
    NotHex,
    #[error("enode id is not a point on the secp256k1 curve")]
    NotOnCurve,
}

/// Parses and checks an enode id: 128 hex digits that decode to a point on secp256k1.
pub fn parse_id(s: &str) -> Result<[u8; 64], EnodeIdError> {
    if s.len() != 128 {
        return Err(EnodeIdError::BadLength(s.len()));
    }
    let mut xy = [0u8; 64];
    hex::decode_to_slice(s, &mut xy).map_err(|_| EnodeIdError::NotHex)?;
    let mut sec1 = [0u8; 65];
    sec1[0] = 0x04;
    sec1[1..].copy_from_slice(&xy);
    k256::PublicKey::from_sec1_bytes(&sec1).map_err(|_| EnodeIdError::NotOnCurve)?;
    Ok(xy)
}

/// X‖Y of a public key.
pub fn public_key_xy(key: &k256::PublicKey) -> [u8; 64] {
    let point = key.to_encoded_point(false);
    let mut xy = [0u8; 64];
    xy.copy_from_slice(&point.as_bytes()[1..]);
    xy
}

#[cfg(test)]
mod tests {
    use super::*;

    // qubernetes 7nodes key1 (Consensys/qubernetes 7nodes/key1/enode).
    const KEY1_ENODE: &str = "ac6b1096ca56b9f6d004b779ae3728bf83f8e22453404cc3cef16a3d9b96608bc67c4b30db88e0a5a6c6390213f7acbe1153ff6d23ce57380104288ae19373ef";

    #[test]
    fn a_published_enode_id_is_a_curve_point() {
        let xy = parse_id(KEY1_ENODE).unwrap();
        assert_eq!(hex::encode(xy), KEY1_ENODE);
    }

    #[test]
    fn off_curve_and_malformed_ids_are_refused() {
        let mut off = KEY1_ENODE.to_string();
        off.replace_range(127..128, if off.ends_with('f') { "e" } else { "f" });
        assert_eq!(parse_id(&off), Err(EnodeIdError::NotOnCurve));
        assert_eq!(parse_id("abc"), Err(EnodeIdError::BadLength(3)));
        assert_eq!(parse_id(&"g".repeat(128)), Err(EnodeIdError::NotHex));
    }
}
