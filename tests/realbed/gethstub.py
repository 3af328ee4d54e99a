"""A stand-in for geth behind the control-plane tier's kwok pods, so `qctl rpc`, `geth exec`,
`geth attach` and `validator` can be driven through a real API server's port-forward and exec.
It is not geth: it answers a handful of methods the way GoQuorum 24.4 words them, and counts
votes without knowing which node cast them. What geth itself does is the runtime tier's job.

  python3 gethstub.py serve PORT TM_PORT ADDRESS...
                                              JSON-RPC on 127.0.0.1:PORT with that validator set
                                              (and GETHSTUB_PEERS peers, else one per other one;
                                              GETHSTUB_RAFT=1: the raft members' enode ids
                                              instead), Tessera's `/storeraw` on TM_PORT
  geth attach [--exec PROGRAM] IPC            (installed as `geth` on the exec PATH) the console

Every request is appended to calls.jsonl in the current directory (the exec work dir).

Transactions: raw ones are RLP-decoded and checked as GoQuorum would take them (EIP-155 `v` for
chain GETHSTUB_CHAIN_ID, default 1000, on `eth_sendRawTransaction`; 37 or 38 and the hash of a
stored payload on `eth_sendRawPrivateTransaction`; nonces in order), the storage contract's
`set`/`get` are played, and a receipt shows on the second look. The signer is recovered by
eth-keys (.ci/requirements.txt) over the EIP-155 or Homestead hash and logged as `signed_by`;
contracts get the address geth would give them. Every node shares one state: a node that is no party reads a private value too, which `qctl test contract` must
report.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))


class Chain:
    def __init__(self, validators, peers, raft=False):
        self.lock = threading.Lock()
        self.peers = peers
        # raft: the members are enode ids, numbered from 1 in order
        self.raft = [{"raftId": i + 1, "nodeId": e} for i, e in enumerate(validators)] if raft else []
        self.started = time.monotonic()
        self.validators = list(validators)
        self.votes = {}  # address -> [authorize, count]
        self.chain_id = int(os.environ.get("GETHSTUB_CHAIN_ID", "1000"))
        self.nonce = 0
        self.payloads = {}  # Tessera's hash (bytes) -> payload
        self.contracts = {}  # address -> stored value
        self.receipts = {}  # tx hash -> [looks, receipt]

    def block(self):
        return int((time.monotonic() - self.started) * 2) + 1

    def call(self, method, params):
        with self.lock:
            if method == "eth_blockNumber":
                return hex(self.block())
            if method == "net_peerCount":
                return hex(self.peers)
            if method == "istanbul_getValidators":
                return list(self.validators)
            if method == "istanbul_candidates":
                return {a: v[0] for a, v in self.votes.items()}
            if method == "istanbul_propose":
                address, authorize = params[0], bool(params[1])
                vote = self.votes.setdefault(address, [authorize, 0])
                vote[0], vote[1] = authorize, vote[1] + 1
                if vote[1] > len(self.validators) // 2:
                    lower = [v.lower() for v in self.validators]
                    if authorize and address.lower() not in lower:
                        self.validators.append(address)
                    if not authorize and address.lower() in lower:
                        del self.validators[lower.index(address.lower())]
                    vote[1] = 0
                return None
            if method == "raft_cluster" and self.raft:
                return [dict(m, role="verifier", nodeActive=True) for m in self.raft]
            if method == "raft_addPeer" and self.raft:
                node_id = re.match(r"enode://([0-9a-f]+)@", params[0]).group(1)
                self.raft.append({"raftId": len(self.raft) + 1, "nodeId": node_id})
                return len(self.raft)
            if method == "raft_removePeer" and self.raft:
                before = len(self.raft)
                self.raft = [m for m in self.raft if m["raftId"] != params[0]]
                if len(self.raft) == before:
                    raise ValueError(f"no raft member with id {params[0]}")
                return None
            if method == "istanbul_discard":
                self.votes.pop(params[0], None)
                return None
            if method == "eth_chainId":
                return hex(self.chain_id)
            if method == "eth_getTransactionCount":
                return hex(self.nonce)
            if method == "eth_sendRawTransaction":
                return self.transact(params[0], private_for=None)
            if method == "eth_sendRawPrivateTransaction":
                return self.transact(params[0], private_for=params[1]["privateFor"])
            if method == "eth_getTransactionReceipt":
                seen = self.receipts.get(params[0])
                if seen is None:
                    return None
                seen[0] += 1
                return seen[1] if seen[0] > 1 else None
            if method == "eth_call":
                value = self.contracts.get(params[0]["to"])
                if value is None or params[0]["data"] != "0x" + GET:
                    return "0x"
                return "0x" + value.to_bytes(32, "big").hex()
        raise LookupError(f"the method {method} does not exist/is not available")


    def transact(self, raw, private_for):
        """Takes a signed legacy transaction as GoQuorum would, or raises ValueError."""
        tx = rlp_decode(bytes.fromhex(raw.removeprefix("0x")))
        if not isinstance(tx, list) or len(tx) != 9:
            raise ValueError("rlp: expected a legacy transaction of 9 fields")
        nonce, gas_price, gas, to, value, data, v, r, s = tx
        v = int.from_bytes(v, "big")
        if int.from_bytes(nonce, "big") != self.nonce:
            raise ValueError(f"nonce {int.from_bytes(nonce, 'big')}, expected {self.nonce}")
        # integers without leading zero bytes, as geth's RLP decoder insists
        if any(not x or len(x) > 32 or x[0] == 0 for x in (r, s)) or gas_price != b"":
            raise ValueError("rlp: non-canonical integer or a gas price")
        if private_for is None:
            if v not in (self.chain_id * 2 + 35, self.chain_id * 2 + 36):
                raise ValueError(f"invalid chain id for signer: v = {v}")
            signed, recovery = tx[:6] + [self.chain_id, 0, 0], v - self.chain_id * 2 - 35
        else:
            if v not in (37, 38):
                raise ValueError("transaction is not private")
            if not private_for or any(len(base64.b64decode(k)) != 32 for k in private_for):
                raise ValueError(f"privateFor {private_for}")
            signed, recovery = tx[:6], v - 37
        sender = recover(signed, recovery, r, s)
        with open("calls.jsonl", "a") as log:
            log.write(json.dumps({"signed_by": sender}) + "\n")
        if private_for is not None:
            if data not in self.payloads:
                raise ValueError("the private payload is not in the local Tessera")
            data = self.payloads[data]
        self.nonce += 1
        tx_hash = "0x" + keccak256(bytes.fromhex(raw[2:])).hex()
        receipt = {"transactionHash": tx_hash, "status": "0x1", "contractAddress": None,
                   "blockNumber": hex(self.block())}
        if not to:
            address = contract_address(sender, self.nonce - 1)
            if not data.hex().startswith(CREATION_PREFIX):
                raise ValueError("not the storage contract")
            self.contracts[address] = int.from_bytes(data[-32:], "big")
            receipt["contractAddress"] = address
        else:
            address = "0x" + to.hex()
            if address not in self.contracts or data[:4].hex() != SET:
                receipt["status"] = "0x0"
            else:
                self.contracts[address] = int.from_bytes(data[4:36], "big")
        self.receipts[tx_hash] = [0, receipt]
        return tx_hash

    def store_raw(self, request):
        if len(base64.b64decode(request["from"])) != 32:
            raise ValueError("from is not a key")
        payload = base64.b64decode(request["payload"])
        key = hashlib.sha512(payload).digest()
        with self.lock:
            self.payloads[key] = payload
        return {"key": base64.b64encode(key).decode()}


def recover(fields, recovery, r, s):
    """The signer of a transaction: eth-keys (.ci/requirements.txt) over the RLP of `fields`."""
    import rlp
    from eth_hash.auto import keccak
    from eth_keys import keys
    signature = keys.Signature(vrs=(recovery, int.from_bytes(r, "big"), int.from_bytes(s, "big")))
    key = signature.recover_public_key_from_msg_hash(keccak(rlp.encode(fields)))
    return key.to_checksum_address()


def contract_address(sender, nonce):
    import rlp
    return "0x" + keccak256(rlp.encode([bytes.fromhex(sender[2:]), nonce]))[12:].hex()


def keccak256(data):
    from eth_hash.auto import keccak
    return keccak(data)


# The storage contract's selectors and the start of its creation code (src/quorum/contract.rs)
SET, GET, CREATION_PREFIX = "60fe47b1", "6d4ce63c", "6080604052348015600f57600080fd5b50"


def rlp_decode(data):
    item, rest = _rlp_item(data)
    if rest:
        raise ValueError("rlp: bytes after the item")
    return item


def _rlp_item(data):
    first = data[0]
    if first < 0x80:
        return data[:1], data[1:]
    if first < 0xb8:
        n = first - 0x80
        return data[1:1 + n], data[1 + n:]
    if first < 0xc0:
        ll = first - 0xb7
        n = int.from_bytes(data[1:1 + ll], "big")
        return data[1 + ll:1 + ll + n], data[1 + ll + n:]
    if first < 0xf8:
        n, start = first - 0xc0, 1
    else:
        ll = first - 0xf7
        n, start = int.from_bytes(data[1:1 + ll], "big"), 1 + ll
    payload, items = data[start:start + n], []
    while payload:
        item, payload = _rlp_item(payload)
        items.append(item)
    return items, data[start + n:]


def serve(port, tm_port, validators):
    peers = os.environ.get("GETHSTUB_PEERS")
    chain = Chain(validators, peers=int(peers) if peers else max(len(validators) - 1, 0),
                  raft=os.environ.get("GETHSTUB_RAFT") == "1")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with open("calls.jsonl", "a") as log:
                log.write(json.dumps({"host": self.headers["Host"], **body}) + "\n")
            try:
                answer = {"result": chain.call(body["method"], body.get("params", []))}
            except LookupError as e:
                answer = {"error": {"code": -32601, "message": str(e)}}
            except ValueError as e:
                answer = {"error": {"code": -32000, "message": str(e)}}
            data = json.dumps({"jsonrpc": "2.0", "id": body.get("id"), **answer}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    class Tessera(BaseHTTPRequestHandler):
        def do_POST(self):
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with open("calls.jsonl", "a") as log:
                log.write(json.dumps({"tessera": self.path, **body}) + "\n")
            try:
                if self.path != "/storeraw":
                    raise ValueError(f"no {self.path} here")
                status, data = 200, json.dumps(chain.store_raw(body)).encode()
            except (ValueError, KeyError) as e:
                status, data = 400, str(e).encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    tessera = ThreadingHTTPServer(("127.0.0.1", tm_port), Tessera)
    threading.Thread(target=tessera.serve_forever, daemon=True).start()
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


def rpc(method):
    port = open("geth_rpc_port").read().strip()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/", method="POST",
        data=json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": []}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())["result"]


def evaluate(js):
    """The value the console prints for `js`, or the exception it raises."""
    if js.strip() == "eth.blockNumber":
        return str(int(rpc("eth_blockNumber"), 16)), None
    name = re.match(r"\s*([A-Za-z_$][\w$]*)", js)
    return None, f"ReferenceError: {name.group(1) if name else js} is not defined at <eval>:1:1(0)"


def console(args):
    with open("calls.jsonl", "a") as log:
        log.write(json.dumps({"exec": ["geth", *args]}) + "\n")
    if args[:1] != ["attach"]:
        sys.exit(f"gethstub: only `geth attach` is served, not {args}")
    if "--exec" in args:
        program = args[args.index("--exec") + 1]
        # qctl's program: try { eval(<js>) } catch (e) { "<tag>" + e }
        found = re.fullmatch(r'try \{ eval\((".*")\) \} catch \(e\) \{ (".*") \+ e \}', program, re.S)
        js, tag = (json.loads(found.group(1)), json.loads(found.group(2))) if found else (program, "")
        value, error = evaluate(js)
        print(json.dumps(tag + error) if error else value)
        return
    print("Welcome to the Geth JavaScript console!")
    # Ends at `exit`, as geth's console does: kwok never closes an exec'd command's stdin.
    for line in sys.stdin:
        if line.strip() == "exit":
            return
        value, error = evaluate(line)
        print(error or value, flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:])
    else:
        console(sys.argv[1:])
