//! Legacy Ethereum transactions signed the two ways GoQuorum accepts them over
//! `eth_sendRawTransaction` and `eth_sendRawPrivateTransaction`: public ones replay-protected by
//! EIP-155, private ones with GoQuorum's marker `v` of 37 or 38 over the Homestead hash
//! (`QuorumPrivateTxSigner`), whose data is the hash Tessera gave the payload.

use alloy_rlp::{Encodable, Header};
use k256::ecdsa::SigningKey;

use crate::keys::address::keccak256;

/// A legacy (type 0) transaction before signing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transaction {
    pub nonce: u64,
    /// GoQuorum runs gas-free: 0.
    pub gas_price: u128,
    pub gas: u64,
    /// `None` creates a contract.
    pub to: Option<[u8; 20]>,
    pub value: u128,
    pub data: Vec<u8>,
}

/// `v` of a private transaction is 37 or 38: 37 plus the recovery id.
const PRIVATE_V: u64 = 37;

impl Transaction {
    /// The signed transaction, replay-protected for `chain_id` (EIP-155).
    pub fn sign_public(&self, key: &SigningKey, chain_id: u64) -> Vec<u8> {
        let mut unsigned = Vec::new();
        self.encode_fields(&mut unsigned);
        chain_id.encode(&mut unsigned);
        0u8.encode(&mut unsigned);
        0u8.encode(&mut unsigned);
        let (r, s, recovery) = sign(key, &keccak256(&list(&unsigned)));
        self.signed(chain_id * 2 + 35 + recovery, &r, &s)
    }

    /// The signed private transaction: Homestead hash, `v` 37 or 38.
    pub fn sign_private(&self, key: &SigningKey) -> Vec<u8> {
        let mut unsigned = Vec::new();
        self.encode_fields(&mut unsigned);
        let (r, s, recovery) = sign(key, &keccak256(&list(&unsigned)));
        self.signed(PRIVATE_V + recovery, &r, &s)
    }

    fn encode_fields(&self, out: &mut Vec<u8>) {
        self.nonce.encode(out);
        self.gas_price.encode(out);
        self.gas.encode(out);
        match &self.to {
            Some(to) => to.as_slice().encode(out),
            None => [0u8; 0].as_slice().encode(out),
        }
        self.value.encode(out);
        self.data.as_slice().encode(out);
    }

    fn signed(&self, v: u64, r: &[u8; 32], s: &[u8; 32]) -> Vec<u8> {
        let mut fields = Vec::new();
        self.encode_fields(&mut fields);
        v.encode(&mut fields);
        unsigned_integer(r).encode(&mut fields);
        unsigned_integer(s).encode(&mut fields);
        list(&fields)
    }
}

/// (r, s, recovery id) of `key` over `digest`; k256 signs deterministically (RFC 6979) with the
/// low `s` that Homestead requires.
fn sign(key: &SigningKey, digest: &[u8; 32]) -> ([u8; 32], [u8; 32], u64) {
    let (signature, recovery) = key
        .sign_prehash_recoverable(digest)
        .expect("a 32-byte digest signs");
    let (r, s) = signature.split_bytes();
    (r.into(), s.into(), u64::from(recovery.to_byte()))
}

/// RLP of a list whose items are already encoded.
fn list(items: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(items.len() + 9);
    Header {
        list: true,
        payload_length: items.len(),
    }
    .encode(&mut out);
    out.extend_from_slice(items);
    out
}

/// A 256-bit big-endian number as RLP encodes integers: without leading zero bytes.
fn unsigned_integer(bytes: &[u8; 32]) -> &[u8] {
    let first = bytes.iter().position(|&b| b != 0).unwrap_or(32);
    &bytes[first..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use k256::ecdsa::{RecoveryId, Signature, VerifyingKey};

    fn key(hex_key: &str) -> SigningKey {
        SigningKey::from_slice(&hex::decode(hex_key).unwrap()).unwrap()
    }

    /// The example of EIP-155 itself: every byte of the signed transaction.
    #[test]
    fn the_eip155_example_signs_to_its_published_bytes() {
        let tx = Transaction {
            nonce: 9,
            gas_price: 20_000_000_000,
            gas: 21_000,
            to: Some([0x35; 20]),
            value: 1_000_000_000_000_000_000,
            data: vec![],
        };
        let signed = tx.sign_public(&key(&"46".repeat(32)), 1);
        assert_eq!(
            hex::encode(&signed),
            "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025\
             a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276\
             a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"
        );
    }

    /// Decodes a signed legacy transaction into its nine fields.
    fn fields(signed: &[u8]) -> Vec<Vec<u8>> {
        let mut rest = signed;
        let header = Header::decode(&mut rest).unwrap();
        assert!(header.list);
        assert_eq!(rest.len(), header.payload_length, "nothing after the list");
        let mut out = Vec::new();
        while !rest.is_empty() {
            let item = Header::decode_bytes(&mut rest, false).unwrap();
            out.push(item.to_vec());
        }
        out
    }

    #[test]
    fn a_private_transaction_carries_the_marker_and_recovers_to_its_signer_over_the_homestead_hash()
    {
        let signer = key("8f2a55949038a9610f50fb23b5883af3b4ecb3c3bb792cbcefbd1542c692be63");
        let tx = Transaction {
            nonce: 3,
            gas_price: 0,
            gas: 4_700_000,
            to: None,
            value: 0,
            data: vec![0xab; 64],
        };
        let signed = tx.sign_private(&signer);
        let f = fields(&signed);
        assert_eq!(f.len(), 9);
        assert_eq!(f[3], Vec::<u8>::new(), "a creation has an empty `to`");
        assert_eq!(f[5], vec![0xab; 64]);
        let v = f[6][0];
        assert!(v == 37 || v == 38, "v = {v}");

        let mut homestead = Vec::new();
        tx.encode_fields(&mut homestead);
        let digest = keccak256(&list(&homestead));
        let mut rs = [0u8; 64];
        rs[32 - f[7].len()..32].copy_from_slice(&f[7]);
        rs[64 - f[8].len()..].copy_from_slice(&f[8]);
        let signature = Signature::from_slice(&rs).unwrap();
        assert!(signature.normalize_s().is_none(), "s is low");
        let recovered = VerifyingKey::recover_from_prehash(
            &digest,
            &signature,
            RecoveryId::from_byte(v - 37).unwrap(),
        )
        .unwrap();
        assert_eq!(&recovered, signer.verifying_key());
    }

    #[test]
    fn a_public_transaction_recovers_to_its_signer_for_its_chain_only() {
        let signer = key("8f2a55949038a9610f50fb23b5883af3b4ecb3c3bb792cbcefbd1542c692be63");
        let tx = Transaction {
            nonce: 0,
            gas_price: 0,
            gas: 300_000,
            to: Some([0x11; 20]),
            value: 0,
            data: vec![1, 2, 3],
        };
        let signed = tx.sign_public(&signer, 1000);
        let v = u64::from_be_bytes({
            let raw = &fields(&signed)[6];
            let mut b = [0u8; 8];
            b[8 - raw.len()..].copy_from_slice(raw);
            b
        });
        assert!(v == 2035 || v == 2036, "v = {v}");
        assert_ne!(signed, tx.sign_public(&signer, 1001));
        assert_ne!(signed, tx.sign_private(&signer));
    }

    #[test]
    fn integers_lose_their_leading_zeros_and_zero_is_empty() {
        let mut b = [0u8; 32];
        assert_eq!(unsigned_integer(&b), &[] as &[u8]);
        b[31] = 7;
        b[30] = 1;
        assert_eq!(unsigned_integer(&b), &[1, 7]);
    }
}
