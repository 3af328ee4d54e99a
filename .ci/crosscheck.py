#!/usr/bin/env python3
"""Cross-checks what `qctl generate` wrote with independent implementations.

Usage: python3 .ci/crosscheck.py OUT_DIR [OUT_DIR...]

For every key directory under OUT_DIR/config (a directory holding a `nodekey`):
  - nodekey -> secp256k1 public key == `enode` (eth-keys),
  - keccak256(public key)[12:] as EIP-55 == `address` (eth-hash, eth-utils),
  - `acctkeyfile.json` decrypts with `password.txt` (eth-account) to a key whose address is the
    keystore's `address`,
  - `tm.key` -> X25519 public key == `tm.pub` (cryptography).
Then the genesis: `extraData` decodes (rlp) to the validators of its consensus, which must be the
local nodes' node addresses (IBFT/QBFT) or account addresses (clique) in the order of
`static-nodes.json` (the config order), and `alloc` funds every account.

Checks a freshly generated out/ (after `node add`, a kept genesis lacks the new validator by
design). Exits 1 with a message naming the file on the first mismatch; prints one summary line
per out dir.
"""

import base64
import json
import re
import sys
from pathlib import Path

import rlp
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from eth_account import Account
from eth_hash.auto import keccak
from eth_keys import keys
from eth_utils import to_checksum_address

ZERO_VANITY = bytes(32)
ZERO_SEAL = bytes(65)
ENODE_URL = re.compile(r"^enode://([0-9a-f]{128})@([^:?]+):(\d+)\?discport=0(&raftport=\d+)?$")


class Mismatch(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Mismatch(message)


def read_text(path):
    try:
        return path.read_text()
    except OSError as e:
        raise Mismatch(f"{path}: cannot read: {e.strerror}") from None


def check_key_dir(d):
    """Checks one key directory; returns its facts."""
    nodekey = bytes.fromhex(read_text(d / "nodekey").strip().removeprefix("0x"))
    check(len(nodekey) == 32, f"{d}/nodekey: not 32 bytes")
    public = keys.PrivateKey(nodekey).public_key.to_bytes()
    enode = read_text(d / "enode").strip()
    check(enode == public.hex(), f"{d}/enode: {enode[:16]}… but the nodekey's public key is {public.hex()[:16]}…")

    node_address = to_checksum_address(keccak(public)[12:])
    if (d / "address").exists():
        found = read_text(d / "address").strip()
        check(found == node_address, f"{d}/address: {found}, but keccak256 of the public key gives {node_address}")

    keystore = json.loads(read_text(d / "acctkeyfile.json"))
    declared = to_checksum_address("0x" + keystore["address"].removeprefix("0x"))
    # geth reads the first line of the password file; qubernetes key dirs have an empty one.
    password = (read_text(d / "password.txt").splitlines() or [""])[0]
    try:
        account_key = Account.decrypt(keystore, password)
    except ValueError as e:
        raise Mismatch(f"{d}/acctkeyfile.json: does not decrypt with password.txt: {e}") from None
    decrypted = Account.from_key(account_key).address
    check(decrypted == declared, f"{d}/acctkeyfile.json: declares {declared} but decrypts to {decrypted}")

    tm_pub = None
    if (d / "tm.key").exists():
        tm_key = json.loads(read_text(d / "tm.key"))
        check(tm_key.get("type") == "unlocked", f"{d}/tm.key: type is not `unlocked`")
        private = base64.b64decode(tm_key["data"]["bytes"], validate=True)
        derived = X25519PrivateKey.from_private_bytes(private).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        tm_pub = read_text(d / "tm.pub").strip()
        check(base64.b64decode(tm_pub, validate=True) == derived,
              f"{d}/tm.pub: {tm_pub}, but tm.key gives {base64.b64encode(derived).decode()}")
    return {"dir": d, "enode": enode, "node_address": node_address, "account": declared, "tm_pub": tm_pub}


def extra_data_validators(consensus, genesis):
    """Decodes extraData by the consensus' layout; returns the validator list it holds."""
    extra = bytes.fromhex(genesis["extraData"].removeprefix("0x"))
    if consensus == "qbft":
        # GoQuorum QBFT: RLP([vanity, [validators], vote, round, [committed seals]]).
        vanity, validators_rlp, vote, round_, seals = rlp.decode(extra)
        check(len(vanity) == 32, "qbft extraData: vanity is not 32 bytes")
        check(vote == [], f"qbft extraData: vote is {vote!r}, expected the empty list (c0)")
        check(round_ == b"", f"qbft extraData: round is {round_!r}, expected 0 (80)")
        check(seals == [], "qbft extraData: committed seals are not empty")
        check(extra.hex().endswith("c080c0"), "qbft extraData does not end c0 80 c0")
        return [to_checksum_address(v) for v in validators_rlp]
    if consensus == "istanbul":
        # IBFT: 32-byte vanity ‖ RLP([[validators], 65-byte zero seal, [committed seals]]).
        check(extra[:32] == ZERO_VANITY, "istanbul extraData: vanity is not 32 zero bytes")
        validators_rlp, seal, seals = rlp.decode(extra[32:])
        check(seal == ZERO_SEAL, "istanbul extraData: the seal is not 65 zero bytes")
        check(seals == [], "istanbul extraData: committed seals are not empty")
        return [to_checksum_address(v) for v in validators_rlp]
    if consensus == "clique":
        # Clique: 32-byte vanity ‖ signers ‖ 65-byte zero seal (no RLP).
        check(extra[:32] == ZERO_VANITY and extra[-65:] == ZERO_SEAL, "clique extraData: vanity or seal is not zero")
        body = extra[32:-65]
        check(len(body) % 20 == 0, "clique extraData: the signer list is not a whole number of addresses")
        return [to_checksum_address(body[i:i + 20]) for i in range(0, len(body), 20)]
    check(consensus == "raft", f"genesis: unknown consensus `{consensus}`")
    return []


def consensus_of(genesis):
    config = genesis["config"]
    for name in ("qbft", "istanbul", "clique", "raft"):
        if name in config:
            return name
    if "testQBFTBlock" in config:
        return "qbft"
    return "raft"  # raft genesis has no consensus block; the engine is chosen by --raft


def check_out_dir(out):
    config = out / "config"
    check(config.is_dir(), f"{config}: not a directory")
    key_dirs = {}
    for d in sorted(p for p in config.iterdir() if p.is_dir() and (p / "nodekey").exists()):
        facts = check_key_dir(d)
        key_dirs[facts["enode"]] = facts

    static = json.loads(read_text(config / "static-nodes.json"))
    permissioned = json.loads(read_text(config / "permissioned-nodes.json"))
    check(static == permissioned, f"{config}: static-nodes.json and permissioned-nodes.json differ")
    nodes, externals = [], 0
    for url in static:
        m = ENODE_URL.match(url)
        if m and m.group(1) in key_dirs:
            nodes.append((m.group(2), key_dirs[m.group(1)]))
        else:
            externals += 1
    check(nodes, f"{config}/static-nodes.json: no enode matches a key directory under {config}")
    listed = {facts["enode"] for _, facts in nodes}
    check(len(listed) == len(nodes), f"{config}/static-nodes.json: an enode appears twice")

    genesis = json.loads(read_text(config / "genesis.json"))
    consensus = consensus_of(genesis)
    try:
        found = extra_data_validators(consensus, genesis)
    except Mismatch as e:
        raise Mismatch(f"{config}/genesis.json: {e}") from None
    if consensus in ("qbft", "istanbul"):
        expected = [facts["node_address"] for _, facts in nodes]
    elif consensus == "clique":
        expected = [facts["account"] for _, facts in nodes]
    else:
        expected = []
    # External validators (IBFT/QBFT) follow the local ones.
    check(found[:len(expected)] == expected and len(found) - len(expected) <= externals,
          f"{config}/genesis.json: {consensus} extraData holds {found}, expected {expected}"
          f"{' plus external validators' if externals else ''} (the order of static-nodes.json)")

    alloc = {to_checksum_address(a) for a in genesis.get("alloc", {})}
    for name, facts in nodes:
        check(facts["account"] in alloc, f"{config}/genesis.json: alloc does not fund {name}'s account {facts['account']}")
        if facts["tm_pub"] is not None:
            tessera = json.loads(read_text(config / "tessera" / f"{name}.json"))
            peers = {p["url"] for p in tessera["peer"]}
            others = {f"http://{other}:9001" for other, f in nodes if other != name and f["tm_pub"]}
            check(others <= peers, f"{config}/tessera/{name}.json: peers {sorted(peers)} lack {sorted(others - peers)}")

    unused = len(key_dirs) - len(nodes)
    return (f"{out}: {consensus}, {len(nodes)} node(s) checked"
            f"{f', {externals} external' if externals else ''}"
            f"{f', {unused} key dir(s) of removed nodes' if unused else ''}: keys, keystores, tm keys, extraData, alloc ok")


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for arg in argv[1:]:
        try:
            print(check_out_dir(Path(arg)))
        except Mismatch as e:
            print(f"crosscheck: FAILED: {e}", file=sys.stderr)
            return 1
        except (KeyError, ValueError, rlp.exceptions.DecodingError) as e:
            print(f"crosscheck: FAILED: {arg}: malformed file content: {type(e).__name__}: {e}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
