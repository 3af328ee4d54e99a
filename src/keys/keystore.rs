//! Web3 Secret Storage v3 account keystores, as geth writes and unlocks them: scrypt key
//! derivation, aes-128-ctr, and a keccak256 MAC over the second half of the derived key and the
//! ciphertext (<https://ethereum.org/en/developers/docs/data-structures-and-encoding/web3-secret-storage/>).

use aes::cipher::{KeyIvInit, StreamCipher};
use k256::SecretKey;
use serde::{Deserialize, Serialize};

use super::{KeyError, address, nodekey, random_bytes};

type Aes128Ctr = ctr::Ctr128BE<aes::Aes128>;

const CIPHER: &str = "aes-128-ctr";
const DKLEN: usize = 32;

/// scrypt cost parameters. Production keystores use [`ScryptParams::STANDARD`]; tests pass a
/// small `log_n` so they run in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScryptParams {
    /// log2 of the CPU/memory cost `n`.
    pub log_n: u8,
    pub r: u32,
    pub p: u32,
}

impl ScryptParams {
    /// geth's standard parameters: n = 262144, r = 8, p = 1 (256 MiB of memory per key).
    pub const STANDARD: ScryptParams = ScryptParams {
        log_n: 18,
        r: 8,
        p: 1,
    };
}

#[derive(Serialize, Deserialize)]
struct KeystoreFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    address: Option<String>,
    // geth decodes JSON case-insensitively; old tools wrote `Crypto`.
    #[serde(alias = "Crypto")]
    crypto: CryptoSection,
    id: String,
    version: u32,
}

#[derive(Serialize, Deserialize)]
struct CryptoSection {
    cipher: String,
    ciphertext: String,
    cipherparams: CipherParams,
    kdf: String,
    kdfparams: serde_json::Value,
    mac: String,
}

#[derive(Serialize, Deserialize)]
struct CipherParams {
    iv: String,
}

#[derive(Serialize, Deserialize)]
struct ScryptKdfParams {
    dklen: usize,
    n: u64,
    p: u32,
    r: u32,
    salt: String,
}

/// Where and what kind of JSON error, never the text around it: a keystore's fields must not be
/// echoed.
fn json_error(e: &serde_json::Error) -> String {
    let what = match e.classify() {
        serde_json::error::Category::Io => "cannot be read",
        serde_json::error::Category::Syntax => "is not valid JSON",
        serde_json::error::Category::Data => "has a missing field or a field of the wrong type",
        serde_json::error::Category::Eof => "ends early",
    };
    if e.line() == 0 {
        what.to_string()
    } else {
        format!("{what} (line {}, column {})", e.line(), e.column())
    }
}

fn keystore_error(reason: impl Into<String>) -> KeyError {
    KeyError::Keystore(reason.into())
}

fn derive_key(password: &str, salt: &[u8], params: ScryptParams) -> Result<[u8; DKLEN], KeyError> {
    let scrypt_params = scrypt::Params::new(params.log_n, params.r, params.p, DKLEN)
        .map_err(|e| keystore_error(format!("unusable scrypt parameters: {e}")))?;
    let mut derived = [0u8; DKLEN];
    scrypt::scrypt(password.as_bytes(), salt, &scrypt_params, &mut derived)
        .map_err(|e| keystore_error(format!("scrypt failed: {e}")))?;
    Ok(derived)
}

fn mac(derived: &[u8; DKLEN], ciphertext: &[u8]) -> [u8; 32] {
    let mut input = Vec::with_capacity(16 + ciphertext.len());
    input.extend_from_slice(&derived[16..32]);
    input.extend_from_slice(ciphertext);
    address::keccak256(&input)
}

fn apply_ctr(derived: &[u8; DKLEN], iv: &[u8; 16], data: &mut [u8]) {
    let mut cipher = Aes128Ctr::new(derived[..16].into(), iv.into());
    cipher.apply_keystream(data);
}

/// Encrypts an account key into keystore JSON (geth's field names and order, no newline).
pub fn encrypt(key: &SecretKey, password: &str, params: ScryptParams) -> Result<String, KeyError> {
    let salt = random_bytes::<32>()?;
    let iv = random_bytes::<16>()?;
    let derived = derive_key(password, &salt, params)?;
    let mut ciphertext = key.to_bytes().to_vec();
    apply_ctr(&derived, &iv, &mut ciphertext);
    let file = KeystoreFile {
        address: Some(hex::encode(nodekey::address_bytes(key))),
        crypto: CryptoSection {
            cipher: CIPHER.to_string(),
            ciphertext: hex::encode(&ciphertext),
            cipherparams: CipherParams {
                iv: hex::encode(iv),
            },
            kdf: "scrypt".to_string(),
            kdfparams: serde_json::to_value(ScryptKdfParams {
                dklen: DKLEN,
                n: 1u64 << params.log_n,
                p: params.p,
                r: params.r,
                salt: hex::encode(salt),
            })
            .expect("scrypt parameters serialise"),
            mac: hex::encode(mac(&derived, &ciphertext)),
        },
        id: uuid::Builder::from_random_bytes(random_bytes::<16>()?)
            .into_uuid()
            .to_string(),
        version: 3,
    };
    Ok(serde_json::to_string(&file).expect("keystore serialises"))
}

fn decode_hex(field: &str, value: &str) -> Result<Vec<u8>, KeyError> {
    hex::decode(value.trim_start_matches("0x"))
        .map_err(|_| keystore_error(format!("`{field}` is not hex")))
}

fn parse_file(json: &str) -> Result<KeystoreFile, KeyError> {
    let file: KeystoreFile = serde_json::from_str(json).map_err(|e| {
        keystore_error(format!(
            "not a Web3 Secret Storage JSON document: it {}",
            json_error(&e)
        ))
    })?;
    if file.version != 3 {
        return Err(keystore_error(format!(
            "version {} is not supported; expected 3",
            file.version
        )));
    }
    Ok(file)
}

/// The account address a keystore declares, without decrypting it.
pub fn declared_address(json: &str) -> Result<[u8; 20], KeyError> {
    let file = parse_file(json)?;
    let declared = file
        .address
        .ok_or_else(|| keystore_error("it has no `address` field"))?;
    let digits = declared.trim_start_matches("0x");
    address::parse(&format!("0x{digits}"))
        .map_err(|_| keystore_error("its `address` field is not 40 hex digits"))
}

/// Decrypts a keystore. A wrong password is reported as such (the MAC does not match); when the
/// keystore declares an address, the decrypted key must have it.
pub fn decrypt(json: &str, password: &str) -> Result<SecretKey, KeyError> {
    let file = parse_file(json)?;
    let crypto = &file.crypto;
    if crypto.cipher != CIPHER {
        return Err(keystore_error(format!(
            "its `crypto.cipher` is not supported; expected {CIPHER}"
        )));
    }
    if crypto.kdf != "scrypt" {
        return Err(keystore_error(
            "its `crypto.kdf` is not supported; expected scrypt",
        ));
    }
    let kdf: ScryptKdfParams = serde_json::from_value(crypto.kdfparams.clone())
        .map_err(|e| keystore_error(format!("its `crypto.kdfparams` {}", json_error(&e))))?;
    if kdf.dklen != DKLEN {
        return Err(keystore_error(format!(
            "scrypt dklen {} is not supported; expected {DKLEN}",
            kdf.dklen
        )));
    }
    if !kdf.n.is_power_of_two() || kdf.n < 2 {
        return Err(keystore_error(format!(
            "scrypt n {} is not a power of two",
            kdf.n
        )));
    }
    let params = ScryptParams {
        log_n: kdf.n.trailing_zeros() as u8,
        r: kdf.r,
        p: kdf.p,
    };
    let salt = decode_hex("kdfparams.salt", &kdf.salt)?;
    let iv: [u8; 16] = decode_hex("cipherparams.iv", &crypto.cipherparams.iv)?
        .try_into()
        .map_err(|_| keystore_error("`cipherparams.iv` must be 16 bytes"))?;
    let mut data = decode_hex("ciphertext", &crypto.ciphertext)?;
    let expected_mac = decode_hex("mac", &crypto.mac)?;

    let derived = derive_key(password, &salt, params)?;
    let actual_mac = mac(&derived, &data);
    // Compare without an early exit so timing does not reveal how much of the MAC matched.
    let equal = expected_mac.len() == actual_mac.len()
        && expected_mac
            .iter()
            .zip(actual_mac)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    if !equal {
        return Err(KeyError::WrongPassword);
    }
    apply_ctr(&derived, &iv, &mut data);
    let key = SecretKey::from_slice(&data)
        .map_err(|_| keystore_error("the decrypted account key is not a valid secp256k1 key"))?;
    if let Some(declared) = &file.address {
        let declared = declared.trim_start_matches("0x").to_lowercase();
        let actual = hex::encode(nodekey::address_bytes(&key));
        if declared != actual {
            return Err(keystore_error(format!(
                "its `address` field differs from the address of the key it holds, 0x{actual}"
            )));
        }
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Consensys/qubernetes@4e6a879 `7nodes/key1/acctkeyfile.json` (empty `password.txt`), and its
    /// private key as published beside the same keystore in Consensys/quorum-dev-quickstart@b7a3c64
    /// `files/common/config/nodes/validator1/accountPrivateKey` (via `quorum-public-vectors.json`).
    const KEY1: &str = include_str!("../../testdata/keys/7nodes/key1/acctkeyfile.json");
    const KEY1_PRIVATE: &str = "e6181caaffff94a09d7e332fc8da9884d99902c7874eb74354bdcadf411929f1";
    const KEY1_ADDRESS: &str = "0xed9d02e382b34818e88B88a309c7fe71E65f419d";

    /// Consensys/quorum-kubernetes@2f5dbe3
    /// `playground/kubectl/quorum-go/ibft/secrets/validator1-keys-secret.yaml` (password `Password`).
    const PLAYGROUND_VALIDATOR1: &str = r#"{"address":"cdcf951b1f2a8677798241f976927732ed90c935","crypto":{"cipher":"aes-128-ctr","ciphertext":"ee30244a6ed80ab43d294454818243d487507334cc84659e8054d2ff77712122","cipherparams":{"iv":"7e818cb97f6532bf3c887328fc084a1f"},"kdf":"scrypt","kdfparams":{"dklen":32,"n":262144,"p":1,"r":8,"salt":"26296a00fca2705c729c731f6482d7d328d047b3a8f5a6d52db4f3260cff05b2"},"mac":"20930ce1e90e8a9d0294141b679ba49d3d6866e740ffe5f119feb1f3d4b62f62"},"id":"cc22f7a0-62c1-419c-8543-d0499cd93122","version":3}"#;

    const FAST: ScryptParams = ScryptParams {
        log_n: 4,
        r: 8,
        p: 1,
    };

    #[test]
    fn published_keystores_decrypt_with_their_published_passwords() {
        let key = decrypt(KEY1, "").unwrap();
        assert_eq!(hex::encode(key.to_bytes()), KEY1_PRIVATE);
        assert_eq!(nodekey::address(&key), KEY1_ADDRESS);

        let key = decrypt(PLAYGROUND_VALIDATOR1, "Password").unwrap();
        assert_eq!(
            hex::encode(nodekey::address_bytes(&key)),
            "cdcf951b1f2a8677798241f976927732ed90c935"
        );
    }

    #[test]
    fn a_wrong_password_is_reported_as_such() {
        let json = encrypt(&nodekey::generate().unwrap(), "right", FAST).unwrap();
        let err = decrypt(&json, "wrong").unwrap_err();
        assert!(matches!(err, KeyError::WrongPassword));
        assert!(err.to_string().contains("wrong password"), "{err}");
    }

    #[test]
    fn a_generated_keystore_decrypts_to_the_same_key_and_address() {
        let key = nodekey::generate().unwrap();
        let json = encrypt(&key, "secret", FAST).unwrap();
        assert_eq!(decrypt(&json, "secret").unwrap().to_bytes(), key.to_bytes());
        assert_eq!(
            declared_address(&json).unwrap(),
            nodekey::address_bytes(&key)
        );
    }

    #[test]
    fn a_generated_keystore_has_the_fields_geth_reads() {
        let json = encrypt(&nodekey::generate().unwrap(), "pw", FAST).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["address", "crypto", "id", "version"]);
        assert_eq!(v["version"], 3);
        let address = v["address"].as_str().unwrap();
        assert!(
            address.len() == 40 && address == address.to_lowercase(),
            "{address}"
        );
        let crypto = &v["crypto"];
        assert_eq!(crypto["cipher"], "aes-128-ctr");
        assert_eq!(crypto["kdf"], "scrypt");
        assert_eq!(crypto["cipherparams"]["iv"].as_str().unwrap().len(), 32);
        assert_eq!(crypto["ciphertext"].as_str().unwrap().len(), 64);
        assert_eq!(crypto["mac"].as_str().unwrap().len(), 64);
        let kdf = crypto["kdfparams"].as_object().unwrap();
        let kdf_keys: Vec<&str> = kdf.keys().map(String::as_str).collect();
        assert_eq!(kdf_keys, ["dklen", "n", "p", "r", "salt"]);
        assert_eq!(kdf["dklen"], 32);
        assert_eq!(kdf["n"], 16);
        assert_eq!(kdf["salt"].as_str().unwrap().len(), 64);
        let id = uuid::Uuid::parse_str(v["id"].as_str().unwrap()).unwrap();
        assert_eq!(id.get_version_num(), 4);
    }

    #[test]
    fn a_keystore_with_standard_scrypt_cost_round_trips() {
        let key = nodekey::generate().unwrap();
        let json = encrypt(&key, "", ScryptParams::STANDARD).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["crypto"]["kdfparams"]["n"], 262144);
        assert_eq!(v["crypto"]["kdfparams"]["r"], 8);
        assert_eq!(v["crypto"]["kdfparams"]["p"], 1);
        assert_eq!(decrypt(&json, "").unwrap().to_bytes(), key.to_bytes());
    }

    #[test]
    fn unsupported_or_tampered_keystores_are_refused() {
        let json = encrypt(&nodekey::generate().unwrap(), "pw", FAST).unwrap();
        let pbkdf2 = json.replace("\"kdf\":\"scrypt\"", "\"kdf\":\"pbkdf2\"");
        assert!(
            decrypt(&pbkdf2, "pw")
                .unwrap_err()
                .to_string()
                .contains("expected scrypt")
        );
        let v2 = json.replace("\"version\":3", "\"version\":2");
        assert!(
            decrypt(&v2, "pw")
                .unwrap_err()
                .to_string()
                .contains("expected 3")
        );
        let other = hex::encode(nodekey::address_bytes(&nodekey::generate().unwrap()));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let lied = json.replace(v["address"].as_str().unwrap(), &other);
        assert!(
            decrypt(&lied, "pw")
                .unwrap_err()
                .to_string()
                .contains("differs from the address of the key")
        );
        assert!(
            decrypt("{}", "pw")
                .unwrap_err()
                .to_string()
                .contains("Web3 Secret Storage")
        );
    }
}
