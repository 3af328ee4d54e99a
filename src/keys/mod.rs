//! Node key material: secp256k1 nodekey, enode id, EIP-55 addresses, Web3 v3 keystores,
//! Tessera X25519 keys.

pub mod address;
pub mod enode;
