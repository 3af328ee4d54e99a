//! The storage contract `qctl test contract` deploys: `tests/contracts/SimpleStorage.sol`
//! compiled by solc 0.8.28 for the genesis' EVM (istanbul, optimised, no metadata), as
//! `tests/contracts/compile.js` prints it; `.ci/run` checks the two agree.

use crate::keys::address::keccak256;

/// Creation bytecode; the constructor takes the initial value as one `uint256` after it.
pub const CREATION_HEX: &str = "6080604052348015600f57600080fd5b5060405160cc38038060cc833981016040819052602a916031565b6000556049565b600060208284031215604257600080fd5b5051919050565b60768060566000396000f3fe6080604052348015600f57600080fd5b506004361060325760003560e01c806360fe47b11460375780636d4ce63c146049575b600080fd5b60476042366004605e565b600055565b005b60005460405190815260200160405180910390f35b600060208284031215606f57600080fd5b503591905056";

/// The data that creates the contract holding `initial`.
pub fn creation(initial: u64) -> Vec<u8> {
    let mut data = hex::decode(CREATION_HEX).expect("the embedded bytecode is hex");
    data.extend_from_slice(&word(initial));
    data
}

/// Call data of `set(uint256)`.
pub fn set(value: u64) -> Vec<u8> {
    let mut data = selector("set(uint256)").to_vec();
    data.extend_from_slice(&word(value));
    data
}

/// Call data of `get()`.
pub fn get() -> Vec<u8> {
    selector("get()").to_vec()
}

/// What an `eth_call` of `get()` answered (`0x…` hex): the value, or `None` when the answer is
/// empty, as it is where the contract does not exist (a node not party to a private one).
pub fn decode_get(answer: &str) -> Result<Option<u64>, String> {
    let digits = answer
        .strip_prefix("0x")
        .ok_or_else(|| format!("`{answer}` is not 0x-prefixed hex"))?;
    if digits.is_empty() {
        return Ok(None);
    }
    let bytes = hex::decode(digits).map_err(|e| format!("`{answer}` is not hex: {e}"))?;
    if bytes.len() != 32 {
        return Err(format!(
            "`get()` answers one 32-byte word, not {} bytes",
            bytes.len()
        ));
    }
    if bytes[..24].iter().any(|&b| b != 0) {
        return Err(format!("`{answer}` is larger than any value qctl stores"));
    }
    Ok(Some(u64::from_be_bytes(
        bytes[24..].try_into().expect("8 bytes"),
    )))
}

/// The first four bytes of the Keccak-256 of a function's signature.
fn selector(signature: &str) -> [u8; 4] {
    keccak256(signature.as_bytes())[..4]
        .try_into()
        .expect("4 bytes")
}

/// `value` as an ABI `uint256`.
fn word(value: u64) -> [u8; 32] {
    let mut out = [0u8; 32];
    out[24..].copy_from_slice(&value.to_be_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selectors_are_those_of_the_standard_simple_storage() {
        assert_eq!(hex::encode(get()), "6d4ce63c");
        assert_eq!(
            hex::encode(set(0x2a)),
            format!("60fe47b1{}2a", "0".repeat(62))
        );
    }

    #[test]
    fn the_embedded_runtime_dispatches_both_selectors() {
        // PUSH4 <selector> in the dispatcher of the deployed code.
        for sig in ["set(uint256)", "get()"] {
            let push = format!("63{}", hex::encode(selector(sig)));
            assert!(CREATION_HEX.contains(&push), "{sig} not dispatched");
        }
    }

    #[test]
    fn the_embedded_code_uses_no_opcode_after_istanbul() {
        // PUSH0 (0x5f, Shanghai) would be refused by every GoQuorum qctl generates for; solc
        // emits it only for evmVersion shanghai and later.
        let code = hex::decode(CREATION_HEX).unwrap();
        let mut i = 0;
        while i < code.len() {
            let op = code[i];
            assert_ne!(op, 0x5f, "PUSH0 at byte {i}");
            assert_ne!(op, 0x48, "BASEFEE at byte {i}");
            i += 1 + if (0x60..=0x7f).contains(&op) {
                usize::from(op - 0x5f)
            } else {
                0
            };
        }
    }

    #[test]
    fn the_constructor_argument_follows_the_code() {
        let data = creation(7);
        assert_eq!(data.len(), CREATION_HEX.len() / 2 + 32);
        assert_eq!(data[data.len() - 1], 7);
    }

    #[test]
    fn get_answers_decode_to_values_or_to_absence() {
        assert_eq!(decode_get(&format!("0x{}", "0".repeat(64))), Ok(Some(0)));
        assert_eq!(
            decode_get(&format!("0x{}0102", "0".repeat(60))),
            Ok(Some(0x0102))
        );
        assert_eq!(decode_get("0x"), Ok(None));
        assert!(decode_get("0x01").is_err());
        assert!(decode_get("12").is_err());
        assert!(decode_get(&format!("0x01{}", "0".repeat(62))).is_err());
    }
}
