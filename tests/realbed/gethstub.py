"""A stand-in for geth behind the control-plane tier's kwok pods, so `qctl rpc`, `geth exec`,
`geth attach` and `validator` can be driven through a real API server's port-forward and exec.
It is not geth: it answers a handful of methods the way GoQuorum 24.4 words them, and counts
votes without knowing which node cast them. What geth itself does is the runtime tier's job.

  python3 gethstub.py serve PORT ADDRESS...   JSON-RPC on 127.0.0.1:PORT with that validator set
                                              (and GETHSTUB_PEERS peers, else one per other one;
                                              GETHSTUB_RAFT=1: the raft members' enode ids instead)
  geth attach [--exec PROGRAM] IPC            (installed as `geth` on the exec PATH) the console

Every request is appended to calls.jsonl in the current directory (the exec work dir).
"""

from __future__ import annotations

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
            if method == "istanbul_discard":
                self.votes.pop(params[0], None)
                return None
        raise LookupError(f"the method {method} does not exist/is not available")


def serve(port, validators):
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
            data = json.dumps({"jsonrpc": "2.0", "id": body.get("id"), **answer}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

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
        serve(int(sys.argv[2]), sys.argv[3:])
    else:
        console(sys.argv[1:])
