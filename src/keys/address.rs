//! Ethereum addresses: keccak256 of the public key, last 20 bytes, shown EIP-55 checksummed.

use sha3::{Digest, Keccak256};

/// Why an address string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("address `{0}` must start with 0x")]
    MissingPrefix(String),
    #[error("address `{0}` must have 40 hex digits after 0x")]
    BadLength(String),
    #[error("address `{0}` is not hex")]
    NotHex(String),
    #[error("address `{given}` has a wrong EIP-55 checksum (expected `{expected}`)")]
    BadChecksum { given: String, expected: String },
}

pub fn keccak256(data: &[u8]) -> [u8; 32] {
    Keccak256::digest(data).into()
}

/// Address of an uncompressed public key X‖Y (64 bytes).
pub fn from_public_key(xy: &[u8; 64]) -> [u8; 20] {
    let hash = keccak256(xy);
    let mut out = [0u8; 20];
    out.copy_from_slice(&hash[12..]);
    out
}

/// EIP-55 form with `0x`.
pub fn to_checksum(address: &[u8; 20]) -> String {
    let lower = hex::encode(address);
    let hash = keccak256(lower.as_bytes());
    let mut out = String::with_capacity(42);
    out.push_str("0x");
    for (i, c) in lower.chars().enumerate() {
        let nibble = (hash[i / 2] >> if i % 2 == 0 { 4 } else { 0 }) & 0x0f;
        out.push(if c.is_ascii_alphabetic() && nibble >= 8 {
            c.to_ascii_uppercase()
        } else {
            c
        });
    }
    out
}

/// Parses `0x` + 40 hex digits. All-lower or all-upper hex is accepted as is; mixed case must
/// carry a valid EIP-55 checksum.
pub fn parse(s: &str) -> Result<[u8; 20], AddressError> {
    let digits = s
        .strip_prefix("0x")
        .or_else(|| s.strip_prefix("0X"))
        .ok_or_else(|| AddressError::MissingPrefix(s.to_string()))?;
    if digits.len() != 40 {
        return Err(AddressError::BadLength(s.to_string()));
    }
    let mut bytes = [0u8; 20];
    hex::decode_to_slice(digits, &mut bytes).map_err(|_| AddressError::NotHex(s.to_string()))?;
    let has_lower = digits.chars().any(|c| c.is_ascii_lowercase());
    let has_upper = digits.chars().any(|c| c.is_ascii_uppercase());
    if has_lower && has_upper {
        let expected = to_checksum(&bytes);
        if expected[2..] != *digits {
            return Err(AddressError::BadChecksum {
                given: s.to_string(),
                expected,
            });
        }
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    // EIP-55 reference examples (https://eips.ethereum.org/EIPS/eip-55).
    const EIP55: [&str; 4] = [
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ];

    #[test]
    fn checksums_match_the_eip55_examples() {
        for s in EIP55 {
            let bytes = parse(&s.to_lowercase()).unwrap();
            assert_eq!(to_checksum(&bytes), s);
            assert_eq!(parse(s).unwrap(), bytes);
        }
    }

    #[test]
    fn mixed_case_with_a_flipped_letter_is_refused() {
        let bad = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";
        assert!(matches!(parse(bad), Err(AddressError::BadChecksum { .. })));
    }

    #[test]
    fn malformed_addresses_say_why() {
        assert!(matches!(
            parse("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
            Err(AddressError::MissingPrefix(_))
        ));
        assert!(matches!(parse("0x1234"), Err(AddressError::BadLength(_))));
        assert!(matches!(
            parse("0xzzzzb6053f3e94c9b9a09f33669435e7ef1beaed"),
            Err(AddressError::NotHex(_))
        ));
    }
}
