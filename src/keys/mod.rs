//! Node key material: secp256k1 nodekey, enode id, EIP-55 addresses, Web3 v3 keystores,
//! Tessera X25519 keys, and the key directory that holds them.
//!
//! A key directory is created whole or not at all ([`generate`]) and never modified afterwards;
//! [`load`] reads directories made by qctl and by the original qubernetes alike.

pub mod address;
pub mod enode;
pub mod keystore;
pub mod nodekey;
pub mod tessera;

use crate::error::{Error, ErrorKind};
use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use base64::Engine;
use rayon::prelude::*;

use crate::network::{NodeIdentity, NodeSecrets};
use keystore::ScryptParams;

/// File names inside a key directory (the layout of the original qubernetes).
pub mod files {
    pub const NODEKEY: &str = "nodekey";
    pub const ENODE: &str = "enode";
    pub const ADDRESS: &str = "address";
    pub const KEYSTORE: &str = "acctkeyfile.json";
    pub const PASSWORD: &str = "password.txt";
    pub const TM_KEY: &str = "tm.key";
    pub const TM_PUB: &str = "tm.pub";
}

/// Prefix of the sibling directory a key directory is built in before it is renamed into place.
const TEMP_PREFIX: &str = ".tmp-";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("the operating system's random source failed: {0}")]
    Random(getrandom::Error),
    #[error("invalid nodekey: {0}")]
    Nodekey(String),
    #[error("invalid account keystore: {0}")]
    Keystore(String),
    #[error("wrong password: the account keystore's MAC does not match")]
    WrongPassword,
    #[error("invalid Tessera private key: {0}")]
    TmKey(String),
    #[error("invalid Tessera public key: {0}")]
    TmPub(String),
    #[error("in `{path}`")]
    InFile {
        path: PathBuf,
        source: Box<KeyError>,
    },
    #[error("cannot {action} `{path}`")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "key directory `{dir}` has no `{file}`; a key directory needs nodekey, acctkeyfile.json and password.txt"
    )]
    MissingFile { dir: PathBuf, file: &'static str },
    // The file's content is not quoted: a private key pasted in the wrong file would be shown.
    #[error(
        "`{path}` does not hold the enode id of the nodekey beside it; the nodekey gives {derived}"
    )]
    EnodeMismatch { path: PathBuf, derived: String },
    #[error(
        "`{path}` does not hold the public key of `tm.key` beside it; `tm.key` gives {derived}"
    )]
    TmPubMismatch { path: PathBuf, derived: String },
    #[error("key directory `{0}` already exists; qctl never overwrites keys")]
    AlreadyExists(PathBuf),
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> KeyError {
    let path = path.to_path_buf();
    move |source| KeyError::Io {
        action,
        path,
        source,
    }
}

fn in_file(path: PathBuf) -> impl FnOnce(KeyError) -> KeyError {
    move |source| KeyError::InFile {
        path,
        source: Box::new(source),
    }
}

/// `N` bytes from the operating system's random source.
pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N], KeyError> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).map_err(KeyError::Random)?;
    Ok(bytes)
}

/// A random account password: 32 URL-safe base64 characters (192 bits).
pub fn generate_password() -> Result<String, KeyError> {
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<24>()?))
}

/// Creates the key directory `dir` with fresh keys, whole or not at all.
///
/// Everything is written into a sibling `.tmp-<name>-<random>` directory (same parent, so the
/// final `rename` is atomic), fsynced, then renamed to `dir`. Fails if `dir` exists. If the
/// process dies midway, only the hidden temp directory is left: it is never read as a key
/// directory, and the caller removes it with [`remove_stale_temp_dirs`] while holding the
/// config lock.
pub fn generate(dir: &Path) -> Result<(NodeIdentity, NodeSecrets), KeyError> {
    generate_with(dir, ScryptParams::STANDARD)
}

fn generate_with(
    dir: &Path,
    params: ScryptParams,
) -> Result<(NodeIdentity, NodeSecrets), KeyError> {
    if fs::symlink_metadata(dir).is_ok() {
        return Err(KeyError::AlreadyExists(dir.to_path_buf()));
    }
    let (identity, secrets) = new_keys(params)?;
    store(dir, &identity, &secrets)?;
    Ok((identity, secrets))
}

/// Fresh keys for a node, in memory only; [`store`] writes them.
pub fn generate_in_memory() -> Result<(NodeIdentity, NodeSecrets), KeyError> {
    new_keys(ScryptParams::STANDARD)
}

/// [`generate_in_memory`] `count` times, on at most `available_parallelism()` threads (each
/// scrypt run holds 256 MiB).
pub fn generate_many_in_memory(count: usize) -> Vec<Result<(NodeIdentity, NodeSecrets), KeyError>> {
    in_pool(|| {
        (0..count)
            .into_par_iter()
            .map(|_| generate_in_memory())
            .collect()
    })
}

/// Creates the key directory `dir` holding `identity` and `secrets`, whole or not at all:
/// everything is written into a sibling `.tmp-<name>-<random>` directory (same parent, so the
/// final `rename` is atomic), fsynced, then renamed to `dir`. Fails if `dir` exists.
pub fn store(dir: &Path, identity: &NodeIdentity, secrets: &NodeSecrets) -> Result<(), KeyError> {
    if fs::symlink_metadata(dir).is_ok() {
        return Err(KeyError::AlreadyExists(dir.to_path_buf()));
    }
    let name = dir
        .file_name()
        .ok_or_else(|| KeyError::Io {
            action: "create key directory",
            path: dir.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "path has no final component",
            ),
        })?
        .to_string_lossy()
        .into_owned();
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp = parent.join(format!(
        "{TEMP_PREFIX}{name}-{}",
        hex::encode(random_bytes::<6>()?)
    ));
    fs::DirBuilder::new()
        .mode(0o700)
        .create(&temp)
        .map_err(io_error("create", &temp))?;
    let result = write_key_files(&temp, identity, secrets).and_then(|()| {
        // rename(2) replaces only an *empty* directory, so a key directory that appeared
        // since the check above keeps its keys: the rename then fails and nothing is lost.
        fs::rename(&temp, dir).map_err(io_error("move key directory into", dir))?;
        sync_dir(&parent)
    });
    if result.is_err() {
        let _ = fs::remove_dir_all(&temp);
    }
    result
}

fn new_keys(params: ScryptParams) -> Result<(NodeIdentity, NodeSecrets), KeyError> {
    let node_key = nodekey::generate()?;
    let account_key = nodekey::generate()?;
    let password = generate_password()?;
    let keystore_json = keystore::encrypt(&account_key, &password, params)?;
    let tm = tessera::generate()?;
    let identity = NodeIdentity {
        enode_id: nodekey::enode_id(&node_key),
        node_address: nodekey::address(&node_key),
        account_address: nodekey::address(&account_key),
        tm_public_key: Some(tm.public_b64),
    };
    let secrets = NodeSecrets {
        nodekey: nodekey::to_hex(&node_key),
        keystore_json,
        password,
        tm_private_key_json: Some(tm.private_json),
    };
    Ok((identity, secrets))
}

fn write_key_files(dir: &Path, id: &NodeIdentity, secrets: &NodeSecrets) -> Result<(), KeyError> {
    let tm_pub = id.tm_public_key.as_deref().unwrap_or_default();
    let tm_key = secrets.tm_private_key_json.as_deref().unwrap_or_default();
    let entries: [(&str, &str, bool); 7] = [
        (files::NODEKEY, &secrets.nodekey, true),
        (files::ENODE, &format!("{}\n", id.enode_id), false),
        (files::ADDRESS, &format!("{}\n", id.node_address), false),
        (files::KEYSTORE, &secrets.keystore_json, true),
        (files::PASSWORD, &secrets.password, true),
        (files::TM_KEY, tm_key, true),
        (files::TM_PUB, tm_pub, false),
    ];
    for (name, content, private) in entries {
        let path = dir.join(name);
        let mode = if private { 0o600 } else { 0o644 };
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&path)
            .map_err(io_error("create", &path))?;
        // The umask may have taken bits from a public file (or left some on a private one).
        file.set_permissions(std::os::unix::fs::PermissionsExt::from_mode(mode))
            .and_then(|()| file.write_all(content.as_bytes()))
            .and_then(|()| file.sync_all())
            .map_err(io_error("write", &path))?;
    }
    sync_dir(dir)
}

fn sync_dir(dir: &Path) -> Result<(), KeyError> {
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_error("sync", dir))
}

/// Removes the `.tmp-<name>-<12 hex>` directories an interrupted [`generate`] left in `parent`.
/// Returns how many were removed. Call it only while holding the config lock, so no
/// [`generate`] is running.
pub fn remove_stale_temp_dirs(parent: &Path) -> Result<usize, KeyError> {
    let entries = match fs::read_dir(parent) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(io_error("read", parent)(e)),
    };
    let mut removed = 0;
    for entry in entries {
        let entry = entry.map_err(io_error("read", parent))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let is_ours = name.strip_prefix(TEMP_PREFIX).is_some_and(|rest| {
            rest.rsplit_once('-').is_some_and(|(key_dir, suffix)| {
                !key_dir.is_empty()
                    && suffix.len() == 12
                    && suffix.bytes().all(|b| b.is_ascii_hexdigit())
            })
        });
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_ours && is_dir {
            let path = entry.path();
            fs::remove_dir_all(&path).map_err(io_error("remove", &path))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// [`generate`] for many directories at once, on at most `available_parallelism()` threads
/// (each scrypt run holds 256 MiB). Results are in input order.
pub fn generate_many(dirs: &[PathBuf]) -> Vec<Result<(NodeIdentity, NodeSecrets), KeyError>> {
    generate_many_with(dirs, ScryptParams::STANDARD)
}

fn generate_many_with(
    dirs: &[PathBuf],
    params: ScryptParams,
) -> Vec<Result<(NodeIdentity, NodeSecrets), KeyError>> {
    in_pool(|| dirs.par_iter().map(|d| generate_with(d, params)).collect())
}

/// Runs `work` on a pool of `available_parallelism()` threads, which respects cgroup CPU
/// limits; without a pool, on this thread (correct, only slower).
fn in_pool<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

fn read_file(dir: &Path, file: &'static str, required: bool) -> Result<Option<String>, KeyError> {
    let path = dir.join(file);
    match fs::read_to_string(&path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if required && fs::metadata(dir).is_ok() {
                Err(KeyError::MissingFile {
                    dir: dir.to_path_buf(),
                    file,
                })
            } else if required {
                Err(io_error("read key directory", dir)(e))
            } else {
                Ok(None)
            }
        }
        Err(e) => Err(io_error("read", &path)(e)),
    }
}

/// The private files of the key directory `dir` that group or others may read (or write).
/// Missing files and a missing directory give none.
pub fn loose_private_files(dir: &Path) -> Vec<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    [
        files::NODEKEY,
        files::KEYSTORE,
        files::PASSWORD,
        files::TM_KEY,
    ]
    .into_iter()
    .map(|f| dir.join(f))
    .filter(|p| fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o077 != 0))
    .collect()
}

/// Reads a key directory made by qctl or by the original qubernetes.
///
/// The identity is derived from the nodekey; an `enode` file, if present, must agree with it.
/// The account address is the keystore's declared `address` (the keystore is not decrypted).
/// The password is the first line of `password.txt`, as geth reads it (qubernetes leaves it
/// empty). `tm.key`/`tm.pub` are optional: a node without Tessera has neither; when both exist
/// they must agree, and a lone `tm.key` yields its public key. Unknown files (e.g.
/// `nodekeyaddress`) are ignored.
pub fn load(dir: &Path) -> Result<(NodeIdentity, NodeSecrets), KeyError> {
    let at = |file: &str| dir.join(file);
    let nodekey_text = read_file(dir, files::NODEKEY, true)?.unwrap_or_default();
    let node_key = nodekey::parse(&nodekey_text).map_err(in_file(at(files::NODEKEY)))?;
    let enode_id = nodekey::enode_id(&node_key);
    if let Some(found) = read_file(dir, files::ENODE, false)? {
        let found = found.trim().to_lowercase();
        if found != enode_id {
            return Err(KeyError::EnodeMismatch {
                path: at(files::ENODE),
                derived: enode_id,
            });
        }
    }

    let keystore_json = read_file(dir, files::KEYSTORE, true)?.unwrap_or_default();
    let account =
        keystore::declared_address(&keystore_json).map_err(in_file(at(files::KEYSTORE)))?;
    let password_text = read_file(dir, files::PASSWORD, true)?.unwrap_or_default();
    let password = password_text
        .lines()
        .next()
        .unwrap_or("")
        .trim_end_matches('\r');

    let tm_key = read_file(dir, files::TM_KEY, false)?.map(|t| t.trim().to_string());
    let tm_pub = read_file(dir, files::TM_PUB, false)?
        .map(|t| tessera::parse_public_key(&t).map_err(in_file(at(files::TM_PUB))))
        .transpose()?;
    let derived_pub = tm_key
        .as_deref()
        .map(|k| tessera::parse_private_key(k).map_err(in_file(at(files::TM_KEY))))
        .transpose()?
        .map(|secret| tessera::public_key_b64(&secret));
    let tm_public_key = match (tm_pub, derived_pub) {
        (Some(found), Some(derived)) if found != derived => {
            return Err(KeyError::TmPubMismatch {
                path: at(files::TM_PUB),
                derived,
            });
        }
        (found, derived) => found.or(derived),
    };

    let identity = NodeIdentity {
        enode_id,
        node_address: nodekey::address(&node_key),
        account_address: address::to_checksum(&account),
        tm_public_key,
    };
    let secrets = NodeSecrets {
        nodekey: nodekey::to_hex(&node_key),
        keystore_json,
        password: password.to_string(),
        tm_private_key_json: tm_key,
    };
    Ok((identity, secrets))
}

impl From<KeyError> for Error {
    /// Key directories are qctl's own output: a key that does not load is a damaged file,
    /// reported as a failure to read it.
    fn from(e: KeyError) -> Error {
        Error::new(ErrorKind::Runtime, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    const FAST: ScryptParams = ScryptParams {
        log_n: 4,
        r: 8,
        p: 1,
    };

    fn testdata(key: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("testdata/keys/7nodes")
            .join(key)
    }

    fn copy_dir(from: &Path, to: &Path) {
        fs::create_dir(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_generated_key_directory_loads_back_to_the_same_identity_and_secrets() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("key1");
        let (identity, secrets) = generate_with(&dir, FAST).unwrap();
        let (loaded_identity, loaded_secrets) = load(&dir).unwrap();
        assert_eq!(loaded_identity, identity);
        assert_eq!(loaded_secrets, secrets);
        let account = keystore::decrypt(&secrets.keystore_json, &secrets.password).unwrap();
        assert_eq!(nodekey::address(&account), identity.account_address);
        assert!(!secrets.password.is_empty());
        assert_ne!(identity.node_address, identity.account_address);
    }

    #[test]
    fn generated_files_have_the_qubernetes_layout() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("key1");
        let (identity, secrets) = generate_with(&dir, FAST).unwrap();
        let read = |f: &str| fs::read_to_string(dir.join(f)).unwrap();
        let nodekey_text = read(files::NODEKEY);
        assert!(nodekey_text.len() == 64 && nodekey_text.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(read(files::ENODE), format!("{}\n", identity.enode_id));
        assert_eq!(read(files::ADDRESS), format!("{}\n", identity.node_address));
        assert_eq!(read(files::PASSWORD), secrets.password);
        assert_eq!(read(files::TM_PUB), identity.tm_public_key.clone().unwrap());
        assert!(read(files::TM_KEY).ends_with(r#""},"type":"unlocked"}"#));
        assert_eq!(read(files::KEYSTORE), secrets.keystore_json);
        enode::parse_id(&identity.enode_id).unwrap();
        address::parse(&identity.node_address).unwrap();
    }

    #[test]
    fn private_files_and_the_directory_are_owner_only() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("key1");
        generate_with(&dir, FAST).unwrap();
        assert_eq!(mode(&dir), 0o700);
        for f in [
            files::NODEKEY,
            files::KEYSTORE,
            files::PASSWORD,
            files::TM_KEY,
        ] {
            assert_eq!(mode(&dir.join(f)), 0o600, "{f}");
        }
        for f in [files::ENODE, files::ADDRESS, files::TM_PUB] {
            let m = mode(&dir.join(f));
            assert!(
                m & 0o400 != 0 && m & 0o022 == 0,
                "{f} is public but not writable by others: {m:o}"
            );
        }
    }

    #[test]
    fn generating_over_an_existing_directory_fails_and_leaves_it_untouched() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("key1");
        copy_dir(&testdata("key1"), &dir);
        let before = fs::read(dir.join(files::NODEKEY)).unwrap();
        let err = generate_with(&dir, FAST).unwrap_err();
        assert!(matches!(err, KeyError::AlreadyExists(_)), "{err}");
        assert!(err.to_string().contains("already exists"));
        assert_eq!(fs::read(dir.join(files::NODEKEY)).unwrap(), before);
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 6);
        let leftovers: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temp directory is left behind");
    }

    #[test]
    fn qubernetes_7nodes_key_directories_load() {
        // Consensys/qubernetes@4e6a879 7nodes/key{1,2}; node addresses from
        // 7nodes/istanbul-validator-config.toml, accounts from 7nodes/istanbul-genesis.json alloc.
        let cases = [
            (
                "key1",
                "0xd8Dba507e85F116b1f7e231cA8525fC9008A6966",
                "0xed9d02e382b34818e88B88a309c7fe71E65f419d",
                "BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo=",
            ),
            (
                "key2",
                "0x6571D97f340c8495B661a823F2C2145cA47D63c2",
                "0xcA843569e3427144cEad5e4d5999a3D0cCF92B8e",
                "QfeDAys9MPDs2XHExtc84jKGHxZg/aj52DTh0vtA3Xc=",
            ),
        ];
        for (key, node, account, tm) in cases {
            let dir = testdata(key);
            let (identity, secrets) = load(&dir).unwrap();
            let enode_file = fs::read_to_string(dir.join(files::ENODE)).unwrap();
            assert_eq!(identity.enode_id, enode_file.trim());
            assert_eq!(identity.node_address, node);
            assert_eq!(identity.account_address, account);
            assert_eq!(identity.tm_public_key.as_deref(), Some(tm));
            assert_eq!(secrets.password, "");
            assert_eq!(secrets.nodekey.len(), 64);
        }
    }

    #[test]
    fn a_directory_without_address_or_enode_and_with_extra_files_loads() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("key3");
        copy_dir(&testdata("key3"), &dir);
        fs::remove_file(dir.join(files::ENODE)).unwrap();
        fs::remove_file(dir.join(files::TM_PUB)).unwrap();
        fs::write(
            dir.join("nodekeyaddress"),
            "0xe36cbeB565B061217930767886474e3cDe903AC5",
        )
        .unwrap();
        fs::write(dir.join(files::PASSWORD), "first line\r\nsecond\n").unwrap();
        let (identity, secrets) = load(&dir).unwrap();
        assert_eq!(
            identity.node_address,
            "0xe36cbeB565B061217930767886474e3cDe903AC5"
        );
        assert_eq!(
            identity,
            load(&testdata("key3")).unwrap().0,
            "tm.pub is derived from tm.key"
        );
        assert_eq!(secrets.password, "first line");
    }

    #[test]
    fn a_directory_without_tessera_keys_has_no_tessera_identity() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("key1");
        copy_dir(&testdata("key1"), &dir);
        fs::remove_file(dir.join(files::TM_KEY)).unwrap();
        fs::remove_file(dir.join(files::TM_PUB)).unwrap();
        let (identity, secrets) = load(&dir).unwrap();
        assert_eq!(identity.tm_public_key, None);
        assert_eq!(secrets.tm_private_key_json, None);
    }

    #[test]
    fn load_errors_name_the_offending_file() {
        let tmp = tempfile::tempdir().unwrap();
        let broken = |name: &str, edit: &dyn Fn(&Path)| {
            let dir = tmp.path().join(name);
            copy_dir(&testdata("key1"), &dir);
            edit(&dir);
            format!("{:#}", anyhow::Error::from(load(&dir).unwrap_err()))
        };
        let err = broken("no-nodekey", &|d| {
            fs::remove_file(d.join(files::NODEKEY)).unwrap()
        });
        assert!(err.contains("has no `nodekey`"), "{err}");
        let err = broken("no-keystore", &|d| {
            fs::remove_file(d.join(files::KEYSTORE)).unwrap()
        });
        assert!(err.contains("has no `acctkeyfile.json`"), "{err}");
        let err = broken("no-password", &|d| {
            fs::remove_file(d.join(files::PASSWORD)).unwrap()
        });
        assert!(err.contains("has no `password.txt`"), "{err}");
        let err = broken("bad-nodekey", &|d| {
            fs::write(d.join(files::NODEKEY), "xyz").unwrap()
        });
        assert!(
            err.contains("in `") && err.contains("bad-nodekey/nodekey`: invalid nodekey"),
            "{err}"
        );
        let other = fs::read_to_string(testdata("key2").join(files::ENODE)).unwrap();
        let err = broken("wrong-enode", &|d| {
            fs::write(d.join(files::ENODE), &other).unwrap()
        });
        assert!(
            err.contains("wrong-enode/enode` does not hold the enode id"),
            "{err}"
        );
        assert!(!err.contains(other.trim()), "{err}");
        let other = fs::read_to_string(testdata("key2").join(files::TM_PUB)).unwrap();
        let err = broken("wrong-tm", &|d| {
            fs::write(d.join(files::TM_PUB), &other).unwrap()
        });
        assert!(err.contains("wrong-tm/tm.pub` does not hold"), "{err}");
        assert!(!err.contains(other.trim()), "{err}");
        let err = load(&tmp.path().join("absent")).unwrap_err().to_string();
        assert!(err.contains("absent"), "{err}");
    }

    #[test]
    fn key_material_never_appears_in_errors_or_debug_output() {
        let nodekey_hex = fs::read_to_string(testdata("key1").join(files::NODEKEY)).unwrap();
        let (_, secrets) = load(&testdata("key1")).unwrap();
        assert!(!format!("{secrets:?}").contains(nodekey_hex.trim()));
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("k");
        copy_dir(&testdata("key1"), &dir);
        fs::write(dir.join(files::NODEKEY), format!("{}0", nodekey_hex.trim())).unwrap();
        let err = load(&dir).unwrap_err();
        assert!(!format!("{err} {err:?}").contains(nodekey_hex.trim()));
    }

    #[test]
    fn stale_temp_directories_are_removed_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        let stale = tmp.path().join(".tmp-key1-0123456789ab");
        fs::create_dir(&stale).unwrap();
        fs::write(stale.join(files::NODEKEY), "x").unwrap();
        for keep in ["key1", ".tmp-notours", ".tmp-key2-xyz", "genesis.json"] {
            fs::create_dir(tmp.path().join(keep)).unwrap();
        }
        assert_eq!(remove_stale_temp_dirs(tmp.path()).unwrap(), 1);
        assert!(!stale.exists());
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 4);
        assert_eq!(
            remove_stale_temp_dirs(&tmp.path().join("missing")).unwrap(),
            0
        );
    }

    #[test]
    fn generating_many_directories_keeps_input_order_and_reports_each_failure() {
        let tmp = tempfile::tempdir().unwrap();
        let dirs: Vec<PathBuf> = (1..=5)
            .map(|i| tmp.path().join(format!("key{i}")))
            .collect();
        fs::create_dir(&dirs[2]).unwrap();
        let results = generate_many_with(&dirs, FAST);
        assert_eq!(results.len(), 5);
        for (i, (dir, result)) in dirs.iter().zip(&results).enumerate() {
            if i == 2 {
                assert!(matches!(result, Err(KeyError::AlreadyExists(_))));
            } else {
                assert_eq!(&load(dir).unwrap().0, &result.as_ref().unwrap().0);
            }
        }
    }
}
