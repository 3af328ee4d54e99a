"""Control-plane tier: qctl against a real etcd, kube-apiserver, controller-manager, scheduler
and kwok (simulated nodes whose pods become Ready without running containers)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import time

from bed import NODE_IPS, Bed, Scenario

SELECTOR = "app.kubernetes.io/managed-by=qctl"
APPLIED = re.compile(r"(\d+) created, (\d+) changed, (\d+) unchanged \((\d+) requests\)")


# -- helpers ----------------------------------------------------------------------------------
def network(tb: Bed, name: str, *init_args: str) -> str:
    """A generated network in its own folder; its namespace is `name`."""
    cwd = tb.workdir(name)
    if not os.path.exists(os.path.join(cwd, "qubernetes.yaml")):
        tb.qctl(cwd, "init", "--yes", "--namespace", name, *init_args).ok()
        tb.qctl(cwd, "generate", "-q").ok()
    return cwd


def applied(run) -> tuple[int, int, int, int]:
    found = APPLIED.search(run.stderr)
    assert found, f"no apply summary in: {run.stderr[-400:]}"
    return tuple(int(x) for x in found.groups())


def items(cluster, path: str, selector: str = SELECTOR) -> list[dict]:
    return cluster.api("GET", f"{path}?labelSelector={selector}")["items"]


def deployments(cluster, ns: str) -> dict[str, dict]:
    return {d["metadata"]["name"]: d for d in items(cluster, f"/apis/apps/v1/namespaces/{ns}/deployments")}


def pods(cluster, ns: str) -> dict[str, list[dict]]:
    """Pods per node (the `app.kubernetes.io/instance` label), ignoring those being deleted."""
    out: dict[str, list[dict]] = {}
    for pod in items(cluster, f"/api/v1/namespaces/{ns}/pods", "app.kubernetes.io/name=goquorum"):
        if pod["metadata"].get("deletionTimestamp"):
            continue
        out.setdefault(pod["metadata"]["labels"]["app.kubernetes.io/instance"], []).append(pod)
    return out


def settle(cluster, ns: str, nodes: int, timeout: float = 120) -> dict[str, str]:
    """Waits until every node has exactly one pod of its Deployment's current template that is
    Ready; returns node -> pod uid."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        current = pods(cluster, ns)
        deps = deployments(cluster, ns)
        done = {}
        for node, dep in deps.items():
            status = dep.get("status", {})
            up_to_date = (status.get("observedGeneration") == dep["metadata"]["generation"]
                          and status.get("updatedReplicas") == 1 and status.get("replicas") == 1
                          and status.get("readyReplicas") == 1)
            node_pods = current.get(node, [])
            if up_to_date and len(node_pods) == 1:
                done[node] = node_pods[0]["metadata"]["uid"]
        if len(done) == nodes:
            return done
        last = {n: len(p) for n, p in current.items()}
        time.sleep(1)
    raise AssertionError(f"pods of {ns} did not settle in {timeout:.0f} s: {last}")


def deployed(tb: Bed, name: str, nodes: int, *init_args: str):
    """A `nodes`-node network deployed in namespace `name` of cluster a, its pods settled;
    returns the cluster, the network's folder and the admin kubeconfig."""
    c = tb.cluster("a")
    cwd = network(tb, name, "--num", str(nodes), *init_args)
    kc = c.kubeconfig()
    tb.qctl(cwd, "deploy", kubeconfig=kc).ok()
    settle(c, name, nodes)
    return c, cwd, kc


def cordon(cluster, unschedulable: bool) -> None:
    for node in cluster.api("GET", "/api/v1/nodes")["items"]:
        cluster.api("PATCH", f"/api/v1/nodes/{node['metadata']['name']}",
                    {"spec": {"unschedulable": unschedulable}})


def server_side_apply(cluster, path: str, obj: dict, manager: str) -> None:
    cluster.api("PATCH", f"{path}?fieldManager={manager}&force=true", obj,
                content_type="application/apply-patch+yaml")


@contextlib.contextmanager
def geth_stub(cluster, validators: list[str], peers: int | None = None, raft: bool = False):
    """gethstub.py behind every pod of `cluster`: its JSON-RPC where port-forwards to 8545
    land, and `geth` on the exec PATH; stopped by its pid on leaving."""
    root = cluster.containers_dir
    shim = os.path.join(root, "bin", "geth")
    stub = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gethstub.py")
    with open(shim, "w") as f:
        f.write(f"#!/bin/sh\nexec {sys.executable} {stub} \"$@\"\n")
    os.chmod(shim, 0o755)
    port = cluster.ports["geth_rpc"]
    with open(os.path.join(root, "geth_rpc_port"), "w") as f:
        f.write(str(port))
    env = dict(os.environ, **({"GETHSTUB_PEERS": str(peers)} if peers is not None else {}),
               **({"GETHSTUB_RAFT": "1"} if raft else {}))
    proc = subprocess.Popen([sys.executable, stub, "serve", str(port),
                             str(cluster.ports["tessera_3p"]), *validators], cwd=root, env=env)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"gethstub is not serving on port {port}")
                time.sleep(0.1)
        yield os.path.join(root, "calls.jsonl")
    finally:
        proc.terminate()
        proc.wait(10)


def calls(path: str) -> list[dict]:
    with open(path) as f:
        return [json.loads(line) for line in f]


# -- one cluster ------------------------------------------------------------------------------
def first_deploy(tb: Bed):
    c = tb.cluster("a")
    cwd = network(tb, "net1", "--num", "4")
    run = tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig()).ok()
    created, changed, unchanged, requests = applied(run)
    assert created > 0 and changed == 0 and unchanged == 0, run.stderr
    deps = deployments(c, "net1")
    assert sorted(deps) == [f"quorum-node{i}" for i in range(1, 5)], sorted(deps)
    claims = items(c, "/api/v1/namespaces/net1/persistentvolumeclaims")
    assert len(claims) == 4
    settle(c, "net1", 4)
    phases = {p["metadata"]["name"]: p["status"].get("phase") for p in
              items(c, "/api/v1/namespaces/net1/persistentvolumeclaims")}
    assert set(phases.values()) == {"Bound"}, phases
    return f"{created} objects created with {requests} requests; 4 pods Ready, 4 PVCs Bound"


def unchanged_redeploy(tb: Bed):
    c = tb.cluster("a")
    cwd = network(tb, "net1", "--num", "4")
    tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig()).ok()
    before = settle(c, "net1", 4)
    gens = {n: d["metadata"]["generation"] for n, d in deployments(c, "net1").items()}
    run = tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig()).ok()
    created, changed, unchanged, _ = applied(run)
    assert created == 0 and changed == 0 and unchanged > 0, run.stderr
    assert {n: d["metadata"]["generation"] for n, d in deployments(c, "net1").items()} == gens
    time.sleep(3)
    assert settle(c, "net1", 4) == before, "a pod was replaced by an unchanged deploy"
    return f"{unchanged} objects unchanged, no Deployment generation moved, no pod replaced"


def set_geth_params(cwd: str, node_index: int, params: str):
    """Sets `Geth_Startup_Params` of the node_index-th node (1-based) in qubernetes.yaml."""
    path = os.path.join(cwd, "qubernetes.yaml")
    text = open(path).read()
    parts = text.split("Geth_Startup_Params:")
    line_end = parts[node_index].index("\n")
    parts[node_index] = f' "{params}"' + parts[node_index][line_end:]
    open(path, "w").write("Geth_Startup_Params:".join(parts))


def one_node_changed(tb: Bed):
    c = tb.cluster("a")
    cwd = network(tb, "net1", "--num", "4")
    tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig()).ok()
    before = settle(c, "net1", 4)
    set_geth_params(cwd, 2, "--verbosity 4")
    tb.qctl(cwd, "generate", "-q").ok()
    dry = tb.qctl(cwd, "deploy", "--dry-run", kubeconfig=c.kubeconfig()).ok()
    _, dry_changed, _, _ = applied(dry)
    assert dry_changed >= 1, dry.stderr
    assert "quorum-node2" in dry.stdout and "changed" in dry.stdout, dry.stdout
    time.sleep(2)
    assert settle(c, "net1", 4) == before, "a dry run replaced a pod"
    run = tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig()).ok()
    _, changed, _, _ = applied(run)
    after = settle(c, "net1", 4)
    moved = sorted(n for n in after if after[n] != before[n])
    assert moved == ["quorum-node2"], f"pods replaced: {moved}"
    args = deployments(c, "net1")["quorum-node2"]["spec"]["template"]["spec"]["containers"]
    assert any("--verbosity" in " ".join(x.get("args", []) + x.get("command", [])) for x in args)
    return f"dry run showed the change and replaced nothing; deploy changed {changed}, only quorum-node2 restarted"


def wait_ready(tb: Bed):
    c = tb.cluster("a")
    cwd = network(tb, "net2", "--num", "2", "--consensus", "raft")
    run = tb.qctl(cwd, "deploy", "--wait", "--wait-for", "pods", "--timeout", "3m", kubeconfig=c.kubeconfig()).ok()
    assert "all 2 nodes are ready" in run.stderr, run.stderr
    ready = {n: p[0]["status"]["conditions"] for n, p in pods(c, "net2").items()}
    for node, conds in ready.items():
        assert any(x["type"] == "Ready" and x["status"] == "True" for x in conds), node
    return "deploy --wait returned when both pods were Ready"


def wait_chain(tb: Bed):
    c, cwd, kc = deployed(tb, "netchain", 3)
    with geth_stub(c, [], peers=0):
        run = tb.qctl(cwd, "deploy", "--wait", "--timeout", "8s", kubeconfig=kc)
        assert run.code == 1, run
        assert "0 of 2 peers connected" in run.stderr, run.stderr
    with geth_stub(c, [], peers=2) as log:
        run = tb.qctl(cwd, "deploy", "--wait", "--timeout", "2m", kubeconfig=kc).ok()
        assert "chain ready: block" in run.stderr, run.stderr
        methods = {x.get("method") for x in calls(log)}
        assert {"net_peerCount", "eth_blockNumber"} <= methods, methods
    return ("deploy --wait failed naming the missing peers, then returned once every geth had "
            "its 2 peers and its blocks advanced (JSON-RPC over the real API server's port-forward)")


def raft_join(tb: Bed):
    c, cwd, kc = deployed(tb, "netraft", 3, "--consensus", "raft")
    members = [c.api("GET", f"/api/v1/namespaces/netraft/configmaps/quorum-node{i}-identity")
               ["data"]["enode"] for i in range(1, 4)]
    tb.qctl(cwd, "node", "add", "late").ok()
    tb.qctl(cwd, "generate").ok()
    late = open(os.path.join(cwd, "out", "config", "key-late", "enode")).read().strip()
    with geth_stub(c, members, raft=True) as log:
        before = open(os.path.join(cwd, "qubernetes.yaml")).read()
        run = tb.qctl(cwd, "deploy", "--dry-run", kubeconfig=kc).ok()
        assert "would add raft node `late`" in run.stderr, run.stderr
        assert open(os.path.join(cwd, "qubernetes.yaml")).read() == before
        run = tb.qctl(cwd, "deploy", kubeconfig=kc).ok()
        assert "added raft node `late` to the running raft cluster as raft id 4" in run.stderr, run.stderr
        added = [x for x in calls(log) if x.get("method") == "raft_addPeer"]
        assert [x["params"] for x in added] == \
            [[f"enode://{late}@late:30303?discport=0&raftport=50401"]], added
        assert "--raftjoinexisting 4" in open(os.path.join(cwd, "qubernetes.yaml")).read()
        dep = c.api("GET", "/apis/apps/v1/namespaces/netraft/deployments/late")
        quorum = next(x for x in dep["spec"]["template"]["spec"]["containers"] if x["name"] == "quorum")
        args = " ".join(quorum.get("command", []) + quorum.get("args", []))
        assert "--raftjoinexisting 4" in args, args
        settle(c, "netraft", 4)
        # A second deploy finds the node running and in the cluster: no second raft_addPeer.
        tb.qctl(cwd, "deploy", kubeconfig=kc).ok()
        assert sum(x.get("method") == "raft_addPeer" for x in calls(log)) == 1

        # Removing it: the raft cluster drops it before its objects go.
        tb.qctl(cwd, "node", "rm", "late").ok()
        tb.qctl(cwd, "generate", "-q").ok()
        run = tb.qctl(cwd, "deploy", "--yes", "--dry-run", kubeconfig=kc).ok()
        assert "would remove raft node `late` (raft id 4)" in run.stderr, run.stderr
        assert not any(x.get("method") == "raft_removePeer" for x in calls(log))
        run = tb.qctl(cwd, "deploy", "--yes", kubeconfig=kc).ok()
        assert "removed raft node `late` (raft id 4) from the running raft cluster" in run.stderr, \
            run.stderr
        removed = [x["params"] for x in calls(log) if x.get("method") == "raft_removePeer"]
        assert removed == [[4]], removed
        assert "late" not in deployments(c, "netraft")
        # Gone from the raft cluster too: a redeploy asks nothing more.
        tb.qctl(cwd, "deploy", "--yes", kubeconfig=kc).ok()
        assert sum(x.get("method") == "raft_removePeer" for x in calls(log)) == 1
    return ("a raft node added to a running network was added with raft_addPeer on a running "
            "member, its config and Deployment got --raftjoinexisting 4, a redeploy added "
            "nothing; after node rm, deploy removed raft id 4 with raft_removePeer before "
            "pruning (raft answers from the stand-in)")


def wait_timeout_reason(tb: Bed):
    c = tb.cluster("a")
    cwd = network(tb, "net3", "--num", "1", "--consensus", "istanbul")
    cordon(c, True)
    try:
        start = time.monotonic()
        run = tb.qctl(cwd, "deploy", "--wait", "--wait-for", "pods", "--timeout", "20s", kubeconfig=c.kubeconfig())
        took = time.monotonic() - start
    finally:
        cordon(c, False)
    assert run.code == 1, f"exit {run.code}: {run.stderr}"
    assert "unschedulable" in run.stderr or "nodes are available" in run.stderr, run.stderr
    assert took < 60, f"--timeout 20s took {took:.0f} s"
    tb.qctl(cwd, "destroy", "--yes", kubeconfig=c.kubeconfig())
    reason = next(l for l in run.stderr.splitlines() if "available" in l or "unschedulable" in l)
    return f"exit 1 after {took:.0f} s with the scheduler's reason: {reason.strip()[:120]}"


def status(tb: Bed):
    c = tb.cluster("a")
    cwd = network(tb, "net1", "--num", "4")
    tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig()).ok()
    settle(c, "net1", 4)
    rows = tb.qctl(cwd, "status", "-o", "json", kubeconfig=c.kubeconfig()).ok().json()
    services = {s["metadata"]["name"]: s for s in items(c, "/api/v1/namespaces/net1/services")}
    live = pods(c, "net1")
    assert len(rows) == 4, rows
    for row in rows:
        node = row["node"]
        assert row["pod"] == live[node][0]["metadata"]["name"], row
        assert row["ready"] == {"ready": 2, "containers": 2} and row["phase"] == "Running", row
        want = {p["name"]: p["nodePort"] for p in services[node]["spec"]["ports"]}
        got = row["node_ports"]
        assert got == want, f"{node}: status {got}, Service {want}"
        check_endpoints(row, "net1", services)

    # The endpoints table: one line per endpoint, the same addresses.
    run = tb.qctl(cwd, "status", "--endpoints", "-o", "table", kubeconfig=c.kubeconfig()).ok()
    lines = [l.split() for l in run.stdout.splitlines()]
    assert lines[0] == ["NODE", "ENDPOINT", "ADDRESS"], lines[0]
    by_row = {(l[0], l[1]): l[2] for l in lines[1:]}
    assert len(by_row) == 4 * 5, run.stdout
    for row in rows:
        for key, name in [("rpc", "rpc"), ("ws", "ws"), ("tessera_third_party", "tessera-third-party"),
                          ("p2p", "p2p"), ("tessera_p2p", "tessera-p2p")]:
            assert by_row[(row["node"], name)] == row["endpoints"][key], (row["node"], name, run.stdout)
    assert "warning" not in run.stderr, run.stderr
    p2p = rows[0]["endpoints"]["p2p"]
    return f"4 rows; pods, NodePorts and endpoints (p2p {p2p}) equal to the objects read back"


def check_endpoints(row: dict, ns: str, services: dict) -> None:
    """`status` endpoints of a deployed qbft/Tessera node against its Services and the Node's
    address."""
    node, ip = row["node"], NODE_IPS["a"]
    ports = {p["port"]: p["nodePort"] for p in services[node]["spec"]["ports"]}
    api_ports = {p["port"] for p in services[f"{node}-rpc"]["spec"]["ports"]}
    assert {8545, 8546, 9080} <= api_ports, api_ports
    want = {
        "rpc": f"http://{node}-rpc.{ns}.svc:8545",
        "ws": f"ws://{node}-rpc.{ns}.svc:8546",
        "tessera_third_party": f"http://{node}-rpc.{ns}.svc:9080",
        "p2p": f"{ip}:{ports[30303]}",
        "tessera_p2p": f"{ip}:{ports[9001]}",
        "raft": None,
    }
    assert row["endpoints"] == want, f"{node}: status {row['endpoints']}, objects {want}"


def export_external(tb: Bed):
    c = tb.cluster("a")
    cwd = network(tb, "net1", "--num", "4")
    tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig()).ok()
    run = tb.qctl(cwd, "export-external", "-o", "json", kubeconfig=c.kubeconfig()).ok()
    bundle = run.json()
    services = {s["metadata"]["name"]: s for s in items(c, "/api/v1/namespaces/net1/services")}
    ip = NODE_IPS["a"]
    for ext in bundle["external_nodes"]:
        node = ext["Node_UserIdent"]
        ports = {p["port"]: p["nodePort"] for p in services[node]["spec"]["ports"]}
        host_port = ext["Enode_Url"].split("@", 1)[1].split("?", 1)[0]
        assert host_port == f"{ip}:{ports[30303]}", (host_port, ports)
        assert ext["Tm_Url"] == f"http://{ip}:{ports[9001]}", (ext["Tm_Url"], ports)
    genesis = c.api("GET", "/api/v1/namespaces/net1/configmaps/quorum-genesis")["data"]["genesis.json"]
    assert bundle["genesis"] == genesis, "bundle genesis differs from the genesis ConfigMap"
    return f"{len(bundle['external_nodes'])} nodes at {ip} (the Node's address) with the allocated NodePorts"


def destroy_keep_data(tb: Bed):
    c = tb.cluster("a")
    cwd = network(tb, "net1", "--num", "4")
    tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig()).ok()
    tb.qctl(cwd, "destroy", "--keep-data", "--yes", kubeconfig=c.kubeconfig()).ok()
    assert deployments(c, "net1") == {}, "Deployments left"
    claims = items(c, "/api/v1/namespaces/net1/persistentvolumeclaims")
    assert len(claims) == 4, f"{len(claims)} PVCs kept"
    run = tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig()).ok()
    settle(c, "net1", 4)
    uids = {x["metadata"]["uid"] for x in items(c, "/api/v1/namespaces/net1/persistentvolumeclaims")}
    assert uids == {x["metadata"]["uid"] for x in claims}, "the redeploy made new volumes"
    return "Deployments gone, the 4 PVCs kept and reused by the next deploy"


def destroy(tb: Bed):
    c = tb.cluster("a")
    cwd = network(tb, "net1", "--num", "4")
    tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig()).ok()
    tb.qctl(cwd, "destroy", "--yes", kubeconfig=c.kubeconfig()).ok()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        left = [n["metadata"]["name"] for n in c.api("GET", "/api/v1/namespaces")["items"]
                if n["metadata"]["name"] == "net1"]
        if not left:
            return "every object and the namespace removed"
        time.sleep(1)
    raise AssertionError("namespace net1 still there 60 s after destroy")


def conflict(tb: Bed):
    c = tb.cluster("a")
    cwd = network(tb, "net4", "--num", "1")
    tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig()).ok()
    patch = {"apiVersion": "v1", "kind": "ConfigMap",
             "metadata": {"name": "quorum-peers", "namespace": "net4"},
             "data": {"static-nodes.json": "[]"}}
    server_side_apply(c, "/api/v1/namespaces/net4/configmaps/quorum-peers", patch, "someone-else")
    run = tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig())
    assert run.code == 1, f"exit {run.code}: {run.stderr}"
    assert "conflict" in run.stderr.lower() and "someone-else" in run.stderr, run.stderr
    assert "quorum-peers" in run.stderr and "--force-conflicts" in run.stderr, run.stderr
    line = next(l for l in run.stderr.splitlines() if "someone-else" in l)
    peers = c.api("GET", "/api/v1/namespaces/net4/configmaps/quorum-peers")["data"]["static-nodes.json"]
    assert peers == "[]", "the other manager's value was overwritten"
    tb.qctl(cwd, "deploy", "--force-conflicts", kubeconfig=c.kubeconfig()).ok()
    peers = c.api("GET", "/api/v1/namespaces/net4/configmaps/quorum-peers")["data"]["static-nodes.json"]
    assert peers != "[]", "--force-conflicts did not take the field back"
    return f"exit 1 and nothing overwritten: {line.strip()[:140]}; --force-conflicts takes it back"


def forbidden(tb: Bed):
    c = tb.cluster("a")
    cwd = network(tb, "net5", "--num", "1")
    c.create_namespace("elsewhere")
    rbac = "/apis/rbac.authorization.k8s.io/v1/namespaces/elsewhere"
    for path, obj in (
        (f"{rbac}/roles/all", {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
         "metadata": {"name": "all", "namespace": "elsewhere"},
         "rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]}),
        (f"{rbac}/rolebindings/limited-all", {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
         "metadata": {"name": "limited-all", "namespace": "elsewhere"},
         "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "all"},
         "subjects": [{"kind": "User", "name": "limited", "apiGroup": "rbac.authorization.k8s.io"}]}),
    ):
        server_side_apply(c, path, obj, "e2e")
    run = tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig(user="limited"))
    assert run.code == 1, f"exit {run.code}: {run.stderr}"
    assert "forbidden" in run.stderr.lower() or "403" in run.stderr, run.stderr
    assert "limited" in run.stderr or "net5" in run.stderr, run.stderr
    assert not c._exists("/api/v1/namespaces/net5"), "the namespace was created"
    line = next(l for l in run.stderr.splitlines() if "orbidden" in l or "403" in l)
    return f"exit 1: {line.strip()[:160]}"


def documented_role(tb: Bed):
    """A user holding only docs/qctl-rbac.yaml's roles runs the whole life of a network."""
    import yaml

    c = tb.cluster("a")
    cwd = tb.workdir("rbac")
    tb.qctl(cwd, "init", "--yes", "--num", "2").ok()
    tb.qctl(cwd, "generate", "-q").ok()
    c.create_namespace("net6")
    with open(os.path.join(os.path.dirname(__file__), "..", "..", "docs", "qctl-rbac.yaml")) as f:
        docs = [d for d in yaml.safe_load_all(f) if d]
    for doc in docs:
        for subject in doc.get("subjects", []):
            subject["name"] = "limited"
        kind = doc["kind"]
        name = doc["metadata"]["name"]
        rbac = "/apis/rbac.authorization.k8s.io/v1"
        path = {"Role": f"{rbac}/namespaces/net6/roles/{name}",
                "RoleBinding": f"{rbac}/namespaces/net6/rolebindings/{name}",
                "ClusterRole": f"{rbac}/clusterroles/{name}",
                "ClusterRoleBinding": f"{rbac}/clusterrolebindings/{name}"}[kind]
        server_side_apply(c, path, doc, "e2e")
    kc = c.kubeconfig(user="limited")
    tb.qctl(cwd, "deploy", "-n", "net6", "--wait", "--wait-for", "pods", "--timeout", "2m", kubeconfig=kc).ok()
    run = tb.qctl(cwd, "status", "-n", "net6", "-o", "json", kubeconfig=kc).ok()
    # The ClusterRole lets status read the Nodes' address for the NodePort endpoints.
    assert "warning" not in run.stderr, run.stderr
    assert run.json()[0]["endpoints"]["p2p"].startswith(NODE_IPS["a"] + ":"), run.json()[0]
    tb.qctl(cwd, "export-external", "-n", "net6", kubeconfig=kc).ok()
    tb.qctl(cwd, "deploy", "-n", "net6", kubeconfig=kc).ok()
    tb.qctl(cwd, "destroy", "-n", "net6", "--yes", kubeconfig=kc).ok()
    assert deployments(c, "net6") == {}, "destroy left Deployments"
    return ("deploy --wait, status (with endpoints), export-external, redeploy and destroy all pass "
            "with the documented Role")


def namespace_from_context(tb: Bed):
    c = tb.cluster("a")
    cwd = tb.workdir("ctxns")
    tb.qctl(cwd, "init", "--yes", "--num", "1").ok()
    tb.qctl(cwd, "generate", "-q").ok()
    c.create_namespace("from-context")
    run = tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig(namespace="from-context")).ok()
    assert "from-context" in run.stderr, run.stderr
    assert "quorum-node1" in deployments(c, "from-context"), "not deployed in the context's namespace"
    return "no namespace in the config or flags: the kube context's namespace was used"


def deploy_64(tb: Bed):
    c = tb.cluster("a")
    start = time.monotonic()
    cwd = network(tb, "net64", "--num", "64", "--consensus", "raft")
    gen = time.monotonic() - start
    start = time.monotonic()
    run = tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig(), timeout=900).ok()
    wall = time.monotonic() - start
    created, _, _, requests = applied(run)
    start = time.monotonic()
    again = tb.qctl(cwd, "deploy", kubeconfig=c.kubeconfig(), timeout=900).ok()
    rewall = time.monotonic() - start
    _, changed, unchanged, rerequests = applied(again)
    assert changed == 0, again.stderr
    tb.qctl(cwd, "destroy", "--yes", kubeconfig=c.kubeconfig(), timeout=900).ok()
    return (f"init+generate {gen:.1f} s; first deploy {created} objects in {wall:.1f} s with "
            f"{requests} requests; unchanged redeploy {rewall:.1f} s with {rerequests} requests")


# -- two clusters -----------------------------------------------------------------------------
def two_organisations(tb: Bed):
    a, b = tb.cluster("a"), tb.cluster("b")
    cwd_a = tb.workdir("orga")
    cwd_b = tb.workdir("orgb")
    tb.qctl(cwd_a, "init", "--yes", "--num", "4", "--name-prefix", "orga", "--namespace", "orga").ok()
    tb.qctl(cwd_a, "generate", "-q").ok()
    tb.qctl(cwd_a, "deploy", "--wait", "--wait-for", "pods", "--timeout", "3m", kubeconfig=a.kubeconfig()).ok()
    tb.qctl(cwd_a, "export-external", "--output-file", "a.yaml", kubeconfig=a.kubeconfig()).ok()

    tb.qctl(cwd_b, "init", "--yes", "--num", "2", "--name-prefix", "orgb", "--namespace", "orgb").ok()
    os.replace(os.path.join(cwd_a, "a.yaml"), os.path.join(cwd_b, "a.yaml"))
    tb.qctl(cwd_b, "add-external", "a.yaml", "--yes", "--allow-private-peers").ok()
    tb.qctl(cwd_b, "generate", "-q").ok()
    tb.qctl(cwd_b, "deploy", "--wait", "--wait-for", "pods", "--timeout", "3m", kubeconfig=b.kubeconfig()).ok()
    tb.qctl(cwd_b, "export-external", "--output-file", "b.yaml", kubeconfig=b.kubeconfig()).ok()

    os.replace(os.path.join(cwd_b, "b.yaml"), os.path.join(cwd_a, "b.yaml"))
    tb.qctl(cwd_a, "add-external", "b.yaml", "--yes", "--allow-private-peers").ok()
    tb.qctl(cwd_a, "generate", "-q").ok()
    tb.qctl(cwd_a, "deploy", "--wait", "--wait-for", "pods", "--timeout", "3m", kubeconfig=a.kubeconfig()).ok()

    genesis = {side: cl.api("GET", f"/api/v1/namespaces/{side}/configmaps/quorum-genesis")["data"]["genesis.json"]
               for side, cl in (("orga", a), ("orgb", b))}
    assert genesis["orga"] == genesis["orgb"], "the two clusters run different genesis files"
    for side, cl, other, other_cl, ip in (("orga", a, "orgb", b, NODE_IPS["b"]),
                                          ("orgb", b, "orga", a, NODE_IPS["a"])):
        peers = json.loads(cl.api("GET", f"/api/v1/namespaces/{side}/configmaps/quorum-peers")
                           ["data"]["static-nodes.json"])
        remote = {s["metadata"]["name"]: {p["port"]: p["nodePort"] for p in s["spec"]["ports"]}
                  for s in items(other_cl, f"/api/v1/namespaces/{other}/services")
                  if s["spec"]["type"] == "NodePort"}
        for node, ports in remote.items():
            want = f"@{ip}:{ports[30303]}?"
            assert any(want in p for p in peers), f"{side} does not peer {node} at {want}: {peers}"
            # The other side's Tessera is reachable here under the name it advertises.
            service = cl.api("GET", f"/api/v1/namespaces/{side}/services/{node}")
            assert not service["spec"].get("selector"), service["spec"]
            slice_ = cl.api("GET", f"/apis/discovery.k8s.io/v1/namespaces/{side}/endpointslices/{node}")
            assert slice_["endpoints"][0]["addresses"] == [ip], slice_
            assert slice_["ports"][0]["port"] == ports[9001], (slice_["ports"], ports)
        # Each side knows the other's Tessera keys, as the other's identity ConfigMaps say.
        keys = {e["name"]: e.get("tm_public_key") for e in json.loads(
            tb.qctl(tb.workdir(side), "external", "ls", "-o", "json").ok().stdout)}
        for node in remote:
            identity = other_cl.api("GET", f"/api/v1/namespaces/{other}/configmaps/{node}-identity")
            assert keys[node] == identity["data"]["tm.pub"], (node, keys)
    return ("A→B→A exchange: one genesis on both API servers; each side peers the other's "
            "NodePorts, reaches its Tessera by name through a Service and EndpointSlice, and "
            "holds its Tessera keys")


def operate(tb: Bed):
    c, cwd, kc = deployed(tb, "netop", 4)
    addresses = [c.api("GET", f"/api/v1/namespaces/netop/configmaps/quorum-node{i}-identity")
                 ["data"]["address"] for i in range(1, 5)]

    # logs: the pod's container log through pods/log, tail and previous run
    c.append_log("quorum", "INFO first", "INFO second", "INFO third")
    c.append_log("quorum", "FATAL before the restart", previous=True)
    c.append_log("tessera", "tessera up")
    run = tb.qctl(cwd, "logs", "quorum-node2", "--tail", "2", kubeconfig=kc).ok()
    assert run.stdout.splitlines()[-2:] == ["INFO second", "INFO third"], run.stdout
    assert len(run.stdout.splitlines()) == 2, run.stdout
    run = tb.qctl(cwd, "logs", "quorum-node2", "--previous", kubeconfig=kc).ok()
    assert "FATAL before the restart" in run.stdout, run.stdout
    run = tb.qctl(cwd, "logs", "quorum-node1", "--container", "tessera", kubeconfig=kc).ok()
    assert run.stdout.strip().endswith("tessera up"), run.stdout

    # logs -f outlives --request-timeout while the container is quiet
    follow = subprocess.Popen([tb.qctl_path(), "logs", "quorum-node1", "-f", "--tail", "0",
                               "--request-timeout", "2s"], cwd=cwd, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env={"PATH": os.environ.get("PATH", ""), "HOME": cwd,
                                   "NO_COLOR": "1", "KUBECONFIG": kc})
    try:
        time.sleep(5)
        assert follow.poll() is None, f"logs -f ended: {follow.stderr.read()}"
        c.append_log("quorum", "INFO after five quiet seconds")
        line = follow.stdout.readline()
        assert line.strip() == "INFO after five quiet seconds", line
    finally:
        follow.terminate()
        follow.wait(10)

    # connect: a command, and a shell reading a piped script, through pods/exec (kwok runs
    # them on this host)
    run = tb.qctl(cwd, "connect", "quorum-node2", "--", "echo", "hello from", "node2",
                  kubeconfig=kc).ok()
    assert run.stdout == "hello from node2\n", run.stdout
    run = tb.qctl(cwd, "connect", "quorum-node2", "--container", "tessera", kubeconfig=kc,
                  stdin="echo $0 $((6 * 7))\nexit\n", timeout=60).ok()
    assert run.stdout.splitlines()[-1] == "/bin/sh 42", run.stdout
    run = tb.qctl(cwd, "connect", "quorum-node2", "--", "sh", "-c", "exit 3", kubeconfig=kc)
    # A kubelet reports the exit code as a cause (`exit code 3`); kwok only in its message.
    assert run.code == 1 and "`sh -c 'exit 3'` in container `quorum`" in run.stderr, run
    assert re.search(r"exit (code|status) 3\b", run.stderr), run
    run = tb.qctl(cwd, "connect", "quorum-node9", kubeconfig=kc)
    assert run.code == 2 and "no node named `quorum-node9`" in run.stderr, run

    with geth_stub(c, addresses) as log:
        # rpc: JSON-RPC through pods/portforward
        run = tb.qctl(cwd, "rpc", "quorum-node3", "eth_blockNumber", kubeconfig=kc).ok()
        assert re.fullmatch(r'"0x[0-9a-f]+"', run.stdout.strip()), run.stdout
        run = tb.qctl(cwd, "rpc", "quorum-node3", "foo_bar", "[1]", kubeconfig=kc)
        assert run.code == 1 and "error -32601" in run.stderr, run
        assert calls(log)[-1]["params"] == [1] and calls(log)[-1]["host"] == "localhost"

        # geth exec / attach: the console through pods/exec, on the IPC socket
        run = tb.qctl(cwd, "geth", "exec", "quorum-node1", "eth.blockNumber", kubeconfig=kc).ok()
        assert run.stdout.strip().isdigit(), run.stdout
        assert calls(log)[-2]["exec"][-1] == "/data/dd/geth.ipc", calls(log)[-2]
        run = tb.qctl(cwd, "geth", "exec", "quorum-node1", "foo()", kubeconfig=kc)
        assert run.code == 1 and "ReferenceError: foo is not defined" in run.stderr, run
        run = tb.qctl(cwd, "geth", "attach", "quorum-node1", kubeconfig=kc,
                      stdin="eth.blockNumber\nexit\n", timeout=60).ok()
        assert run.stdout.splitlines()[-1].isdigit(), run.stdout

        # status -o wide: what each geth says of the chain
        table = tb.qctl(cwd, "status", "-o", "wide", kubeconfig=kc).ok().stdout.splitlines()
        header = table[0].split()
        for line in table[1:]:
            row = dict(zip(header, line.split()))
            assert row["BLOCK"].isdigit() and row["PEERS"] == "3" and row["ROLE"] == "validator", row

        # validator ls / propose: votes cast on every local validator until the set changes
        rows = tb.qctl(cwd, "validator", "ls", "-o", "json", kubeconfig=kc).ok().json()
        assert [(r["node"], r["origin"], r["state"]) for r in rows] == \
            [(f"quorum-node{i}", "local", "active") for i in range(1, 5)], rows
        newcomer = "0x00000000000000000000000000000000000000b1"
        run = tb.qctl(cwd, "validator", "propose", newcomer, "--timeout", "30s", "-o", "json",
                      kubeconfig=kc).ok()
        rows = run.json()
        assert len(rows) == 5 and rows[-1]["state"] == "active", rows
        proposed = [x for x in calls(log) if x.get("method") == "istanbul_propose"]
        assert len(proposed) == 4 and all(x["params"][0].lower() == newcomer and x["params"][1] is True
                                         for x in proposed), proposed
        assert sum(x.get("method") == "istanbul_discard" for x in calls(log)) == 4
    return ("logs (tail, previous, -f past a 2 s request timeout), connect (a command, a piped "
            "shell, an exit code), rpc, geth exec/attach, "
            "status -o wide and validator ls/propose through the real API server's pods/log, exec and portforward "
            "(a geth stand-in answers behind kwok)")
# -- operating a running network ----------------------------------------------------------------
def wait_for(what: str, check, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"{what}: not within {timeout:.0f} s")


def stop_start(tb: Bed):
    """node stop keeps the node's Service (same NodePorts) and volume; deploy keeps it stopped;
    node start brings it back."""
    c = tb.cluster("a")
    kc = c.kubeconfig()
    ns, node = "net7", "quorum-node2"
    cwd = network(tb, ns, "--num", "3")
    tb.qctl(cwd, "deploy", kubeconfig=kc).ok()
    settle(c, ns, 3)
    service = f"/api/v1/namespaces/{ns}/services/{node}"
    claim = f"/api/v1/namespaces/{ns}/persistentvolumeclaims/{node}-data"
    ports = {p["name"]: p["nodePort"] for p in c.api("GET", service)["spec"]["ports"]}
    claim_uid = c.api("GET", claim)["metadata"]["uid"]

    tb.qctl(cwd, "node", "stop", node, kubeconfig=kc).ok()
    dep = deployments(c, ns)[node]
    assert dep["spec"]["replicas"] == 0, dep["spec"]
    assert dep["metadata"]["annotations"].get("qctl.io/stopped") == "true", dep["metadata"]
    wait_for(f"the pod of {node} to go", lambda: node not in pods(c, ns))
    after = {p["name"]: p["nodePort"] for p in c.api("GET", service)["spec"]["ports"]}
    assert after == ports, f"NodePorts moved: {ports} -> {after}"
    kept = c.api("GET", claim)
    assert kept["metadata"]["uid"] == claim_uid and kept["status"]["phase"] == "Bound", kept["status"]
    rows = {r["node"]: r for r in tb.qctl(cwd, "status", "-o", "json", kubeconfig=kc).ok().json()}
    assert rows[node]["stopped"] is True and rows["quorum-node1"]["stopped"] is False, rows[node]
    table = tb.qctl(cwd, "status", "-o", "table", kubeconfig=kc).ok().stdout
    assert any(l.startswith(node) and "Stopped" in l for l in table.splitlines()), table

    # Server-side apply of replicas 1 over the stop would reset it, or conflict with the
    # stop's field manager; the deploy applies 0 and changes nothing.
    run = tb.qctl(cwd, "deploy", kubeconfig=kc).ok()
    _, changed, _, _ = applied(run)
    assert "kept node `quorum-node2` stopped" in run.stderr, run.stderr
    assert changed == 0, run.stderr
    dep = deployments(c, ns)[node]
    assert dep["spec"]["replicas"] == 0, "deploy started the stopped node"
    assert dep["metadata"]["annotations"].get("qctl.io/stopped") == "true", dep["metadata"]
    time.sleep(2)
    assert node not in pods(c, ns), "a pod came back after deploy"

    start = time.monotonic()
    tb.qctl(cwd, "node", "start", node, "--wait", "--timeout", "2m", kubeconfig=kc).ok()
    took = time.monotonic() - start
    dep = deployments(c, ns)[node]
    assert dep["spec"]["replicas"] == 1, dep["spec"]
    assert "qctl.io/stopped" not in (dep["metadata"].get("annotations") or {}), dep["metadata"]
    settle(c, ns, 3)
    run = tb.qctl(cwd, "deploy", kubeconfig=kc).ok()
    _, changed, _, _ = applied(run)
    assert changed == 0 and deployments(c, ns)[node]["spec"]["replicas"] == 1, run.stderr
    after = {p["name"]: p["nodePort"] for p in c.api("GET", service)["spec"]["ports"]}
    assert after == ports, f"NodePorts moved: {ports} -> {after}"
    return (f"stop: replicas 0, pod gone, NodePorts {sorted(ports.values())} and PVC kept; "
            f"deploy kept it stopped (0 changed); start --wait Ready in {took:.1f} s")


def external_rm(tb: Bed):
    """external rm + generate + deploy removes the external node's Tessera Service and
    EndpointSlice, and only those."""
    c = tb.cluster("a")
    kc = c.kubeconfig()
    ns = "net8"
    cwd = tb.workdir(ns)
    bundle = os.path.join(os.path.dirname(__file__), "..", "..", "testdata", "cases", "external",
                          "orga-bundle.yaml")
    tb.qctl(cwd, "init", "--yes", "--num", "2", "--name-prefix", "orgb", "--namespace", ns).ok()
    tb.qctl(cwd, "add-external", bundle, "--yes").ok()
    tb.qctl(cwd, "generate", "-q").ok()
    tb.qctl(cwd, "deploy", kubeconfig=kc).ok()
    services = f"/api/v1/namespaces/{ns}/services"
    slices = f"/apis/discovery.k8s.io/v1/namespaces/{ns}/endpointslices"
    for name in ("orga-node1", "orga-node2"):
        assert c._exists(f"{services}/{name}") and c._exists(f"{slices}/{name}"), name
    listed = [r["name"] for r in tb.qctl(cwd, "external", "ls", "-o", "json").ok().json()]
    assert listed == ["orga-node1", "orga-node2"], listed

    tb.qctl(cwd, "external", "rm", "orga-node2").ok()
    tb.qctl(cwd, "generate", "-q").ok()
    run = tb.qctl(cwd, "deploy", "--yes", kubeconfig=kc).ok()
    assert not c._exists(f"{services}/orga-node2"), "the Service of orga-node2 is left"
    assert not c._exists(f"{slices}/orga-node2"), "the EndpointSlice of orga-node2 is left"
    assert c._exists(f"{services}/orga-node1") and c._exists(f"{slices}/orga-node1")
    peers = c.api("GET", f"/api/v1/namespaces/{ns}/configmaps/quorum-peers")["data"]["static-nodes.json"]
    assert "b57cacffaf816737" not in peers and "edc67408e96e2db2" in peers, peers
    pruned = [l.strip() for l in run.stderr.splitlines() if l.startswith("pruned")]
    return f"{len(pruned)} pruned ({'; '.join(pruned)}); orga-node1 kept, peers updated"


def test_contract(tb: Bed):
    c, cwd, kc = deployed(tb, "netct", 2)
    identity = [c.api("GET", f"/api/v1/namespaces/netct/configmaps/quorum-node{i}-identity")["data"]
                for i in (1, 2)]
    with geth_stub(c, [i["address"] for i in identity]) as log:
        started = time.monotonic()
        run = tb.qctl(cwd, "test", "contract", "quorum-node1", "-o", "json", kubeconfig=kc,
                      timeout=120).ok()
        took = time.monotonic() - started
        report = json.loads(run.stdout)
        assert report["sender"].lower() == identity[0]["account"].lower(), report
        for kind in ("public", "private"):
            half = report[kind]
            assert half["initial"] != half["value"], half
            assert [(r["node"], r["value"], r["party"]) for r in half["reads"]] == [
                ("quorum-node1", half["value"], True), ("quorum-node2", half["value"], True)], half
        assert report["private_for"] == [{"name": "quorum-node2", "key": identity[1]["tm.pub"]}]
        # the stub took every transaction (nonces in order, v, canonical RLP, the signer that
        # eth-keys recovers over the EIP-155 or Homestead hash); the private
        # payloads went to the sender's Tessera through a port-forward to 9080
        seen = calls(log)
        stored = [x for x in seen if x.get("tessera") == "/storeraw"]
        assert [x["from"] for x in stored] == [identity[0]["tm.pub"]] * 2, stored
        sends = [x["method"] for x in seen if x.get("method", "").startswith("eth_sendRaw")]
        assert sends == ["eth_sendRawTransaction"] * 2 + ["eth_sendRawPrivateTransaction"] * 2
        assert all(x["params"][1] == {"privateFor": [identity[1]["tm.pub"]]} for x in seen
                   if x.get("method") == "eth_sendRawPrivateTransaction")
        signers = [x["signed_by"].lower() for x in seen if "signed_by" in x]
        assert signers == [identity[0]["account"].lower()] * 4, signers
        polled = [x for x in seen if x.get("method") == "eth_getTransactionReceipt"]
        assert len(polled) == 8, "each receipt is read twice: absent, then mined"

    # A third node with Tessera, no party: the stub's one state shows it the private value,
    # which must fail the test, naming it.
    tb.qctl(cwd, "node", "add", "quorum-node3").ok()
    tb.qctl(cwd, "generate", "-q").ok()
    tb.qctl(cwd, "deploy", "--yes", kubeconfig=kc).ok()
    settle(c, "netct", 3)
    with geth_stub(c, [i["address"] for i in identity]):
        run = tb.qctl(cwd, "test", "contract", "quorum-node1", "--private", kubeconfig=kc,
                      timeout=120)
        assert run.code == 1, run
        assert "node `quorum-node3` is not a party and yet reads its value" in run.stderr, run
    run = tb.qctl(cwd, "test", "contract", "quorum-node1", "--private-for", "nobody",
                  kubeconfig=kc)
    assert run.code == 2 and "quorum-node2, quorum-node3" in run.stderr, run
    return (f"public and private contract set and read on both nodes in {took:.1f} s "
            f"({len(seen)} stand-in calls); a non-party reading is caught")
def monitor(tb: Bed):
    """monitor add + generate + deploy: the Prometheus server's objects on a real API server,
    ClusterIP, then a NodePort on the fixed port asked for; monitor rm + generate + deploy --yes
    prunes them and the nodes' metrics ports."""
    c = tb.cluster("a")
    kc = c.kubeconfig()
    ns = "netmon"
    cwd = tb.workdir(ns)
    config = os.path.join(cwd, "qubernetes.yaml")
    tb.qctl(cwd, "init", "--yes", "--num", "2", "--namespace", ns).ok()
    tb.qctl(cwd, "monitor", "add").ok()
    tb.qctl(cwd, "generate", "-q").ok()
    tb.qctl(cwd, "deploy", kubeconfig=kc).ok()
    core, apps, net = f"/api/v1/namespaces/{ns}", f"/apis/apps/v1/namespaces/{ns}", \
        f"/apis/networking.k8s.io/v1/namespaces/{ns}"
    objects = [f"{core}/configmaps/quorum-monitor-config", f"{core}/services/quorum-monitor",
               f"{apps}/deployments/quorum-monitor", f"{net}/networkpolicies/quorum-monitor"]
    for path in objects:
        labels = c.api("GET", path)["metadata"]["labels"]
        assert labels["app.kubernetes.io/managed-by"] == "qctl", (path, labels)
        assert labels["app.kubernetes.io/component"] == "monitor", (path, labels)
    prometheus_yml = c.api("GET", objects[0])["data"]["prometheus.yml"]
    for node in ("quorum-node1", "quorum-node2"):
        assert f"{node}-rpc:6060" in prometheus_yml, prometheus_yml
        ports = {p["port"] for p in c.api("GET", f"{core}/services/{node}-rpc")["spec"]["ports"]}
        assert 6060 in ports, (node, ports)
    service = c.api("GET", objects[1])["spec"]
    assert service["type"] == "ClusterIP" and [p["port"] for p in service["ports"]] == [9090], service
    assert "nodePort" not in service["ports"][0], service
    dep = c.api("GET", objects[2])
    assert dep["spec"]["template"]["spec"]["containers"][0]["image"].startswith("prom/prometheus:v3."), dep
    settle(c, ns, 3)  # two nodes and Prometheus, each with its pod Ready
    rows = tb.qctl(cwd, "status", "-o", "json", kubeconfig=kc).ok().json()
    assert sorted(r["node"] for r in rows) == ["quorum-node1", "quorum-node2"], rows

    # The NodePort opt-in: the API server allocates exactly the port asked for.
    with open(config, "a") as f:
        f.write("  nodePort_prom: 31390\n")
    tb.qctl(cwd, "generate", "-q").ok()
    tb.qctl(cwd, "deploy", kubeconfig=kc).ok()
    service = c.api("GET", objects[1])["spec"]
    assert service["type"] == "NodePort" and service["ports"][0]["nodePort"] == 31390, service

    run = tb.qctl(cwd, "monitor", "rm").ok()
    assert "turned monitoring off" in run.stderr, run.stderr
    assert "  enabled: false\n" in open(config).read()
    tb.qctl(cwd, "generate", "-q").ok()
    assert not os.path.exists(os.path.join(cwd, "out", "06-quorum-monitor.yaml"))
    run = tb.qctl(cwd, "deploy", "--yes", kubeconfig=kc).ok()
    left = [path for path in objects if c._exists(path)]
    assert not left, f"not pruned: {left}; {run.stderr[-600:]}"
    for node in ("quorum-node1", "quorum-node2"):
        ports = {p["port"] for p in c.api("GET", f"{core}/services/{node}-rpc")["spec"]["ports"]}
        assert 6060 not in ports, (node, ports)
        assert c._exists(f"{apps}/deployments/{node}"), node
    pruned = [l.strip() for l in run.stderr.splitlines() if l.startswith("pruned")]
    return (f"Prometheus ConfigMap, Service (ClusterIP, then NodePort 31390), Deployment and "
            f"NetworkPolicy applied with the qctl labels; after monitor rm {len(pruned)} pruned, "
            f"the nodes kept")


SCENARIOS = [
    Scenario("cp", "cp-first-deploy", "first deploy creates every object; pods Ready, PVCs Bound", first_deploy),
    Scenario("cp", "cp-unchanged-redeploy", "a second deploy changes and restarts nothing", unchanged_redeploy),
    Scenario("cp", "cp-one-node-changed", "dry run, then only the changed node restarts", one_node_changed),
    Scenario("cp", "cp-status", "status and its endpoints agree with the pods, Services and Node", status),
    Scenario("cp", "cp-export-external", "bundle carries real NodePorts and the Node address", export_external),
    Scenario("cp", "cp-destroy-keep-data", "destroy --keep-data keeps the volumes", destroy_keep_data),
    Scenario("cp", "cp-destroy", "destroy removes everything", destroy),
    Scenario("cp", "cp-wait-ready", "deploy --wait returns when pods are Ready", wait_ready),
    Scenario("cp", "cp-wait-chain", "deploy --wait waits for peers and advancing blocks", wait_chain),
    Scenario("cp", "cp-raft-join", "a raft node joins through raft_addPeer and leaves through raft_removePeer", raft_join),
    Scenario("cp", "cp-wait-timeout", "deploy --wait times out with the scheduler's reason", wait_timeout_reason),
    Scenario("cp", "cp-conflict", "a field owned by another manager is reported", conflict),
    Scenario("cp", "cp-forbidden", "a user without rights gets a clear 403", forbidden),
    Scenario("cp", "cp-documented-role", "the RBAC of docs/qctl-rbac.yaml is enough", documented_role),
    Scenario("cp", "cp-context-namespace", "the kube context's namespace is used", namespace_from_context),
    Scenario("cp", "cp-two-organisations", "A→B→A exchange on two control planes", two_organisations),
    Scenario("cp", "cp-operate", "logs, connect, rpc, geth exec/attach, status -o wide, validator votes via the API server", operate),
    Scenario("cp", "cp-deploy-64", "64-node deploy: wall time and requests", deploy_64),
    Scenario("cp", "cp-stop-start", "node stop survives deploy; start brings the node back", stop_start),
    Scenario("cp", "cp-test-contract", "test contract: signed transactions, /storeraw, reads per node", test_contract),
    Scenario("cp", "cp-external-rm", "external rm, generate, deploy prune its Service and slice", external_rm),
    Scenario("cp", "cp-monitor", "monitor add deploys Prometheus; monitor rm, generate, deploy prune it", monitor),
]
