#!/usr/bin/env python3
"""Smoke test of the real control-plane test bed.

Starts one ControlPlane, creates a node, the default StorageClass and two PVs,
then with the kubectl on PATH applies a Deployment (busybox; kwok runs no
container) that mounts a PVC plus a NodePort Service, and checks: the pod
becomes Ready, the PVC is Bound, the Service got a NodePort in range, the
`limited` user is refused (403) when listing pods. Prints start-up timings
and memory. Exit 0 when passed or skipped (binaries unavailable), 1 on failure.

    python3 tests/realbed/smoke_controlplane.py
"""

import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from controlplane import ApiError, ControlPlane, ensure_binaries  # noqa: E402

NS = "smoke"


def manifests():
    labels = {"app": "smoke"}
    return {
        "apiVersion": "v1",
        "kind": "List",
        "items": [
            {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": NS}},
            {
                "apiVersion": "v1",
                "kind": "PersistentVolumeClaim",
                "metadata": {"name": "data", "namespace": NS},
                "spec": {
                    "accessModes": ["ReadWriteOnce"],
                    "storageClassName": "standard",
                    "resources": {"requests": {"storage": "1Gi"}},
                },
            },
            {
                "apiVersion": "apps/v1",
                "kind": "Deployment",
                "metadata": {"name": "smoke", "namespace": NS, "labels": labels},
                "spec": {
                    "replicas": 1,
                    "selector": {"matchLabels": labels},
                    "template": {
                        "metadata": {"labels": labels},
                        "spec": {
                            "containers": [{
                                "name": "main",
                                "image": "busybox:1.36",
                                "command": ["sleep", "3600"],
                                "ports": [{"containerPort": 8545, "name": "rpc"}],
                                "volumeMounts": [{"name": "data", "mountPath": "/data"}],
                            }],
                            "volumes": [{"name": "data",
                                         "persistentVolumeClaim": {"claimName": "data"}}],
                        },
                    },
                },
            },
            {
                "apiVersion": "v1",
                "kind": "Service",
                "metadata": {"name": "smoke", "namespace": NS},
                "spec": {
                    "type": "NodePort",
                    "selector": labels,
                    "ports": [{"name": "rpc", "port": 8545, "targetPort": 8545}],
                },
            },
        ],
    }


def kubectl(kubeconfig, *args, stdin=None, check=True):
    cmd = ["kubectl", f"--kubeconfig={kubeconfig}", *args]
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=120)
    if check and p.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stdout}{p.stderr}")
    return p


def wait_for(what, check, timeout=90, interval=0.5):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            ok = check()
            if ok:
                return ok
        except ApiError as e:
            last = e
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what} (last error: {last})")


def pod_ready(cp):
    pods = cp.api("GET", f"/api/v1/namespaces/{NS}/pods?labelSelector=app%3Dsmoke")["items"]
    for p in pods:
        conds = p.get("status", {}).get("conditions", [])
        if any(c["type"] == "Ready" and c["status"] == "True" for c in conds):
            return p
    return None


def run(bin_dir):
    if shutil.which("kubectl") is None:
        raise AssertionError("kubectl is not on PATH")
    t0 = time.monotonic()
    with ControlPlane(bin_dir, name="smoke") as cp:
        try:
            pids = checks(cp, t0)
        except BaseException:
            cp.dump_logs()
            raise
    still = [pid for pid in pids if os.path.exists(f"/proc/{pid}")]
    assert not still, f"processes left running: {still}"
    print(f"stopped; total {time.monotonic() - t0:.1f}s")


def checks(cp, t0):
    """The assertions; returns the pids that must be gone after stop()."""
    t_ready = time.monotonic() - t0
    print(f"control plane up in {t_ready:.1f}s "
          f"(etcd {cp.timings['etcd']:.1f}s, /readyz {cp.timings['readyz']:.1f}s, "
          f"all components {cp.timings['components']:.1f}s); work dir {cp.work_dir}")

    nodes = cp.create_nodes(1)
    t_node = time.monotonic() - t0
    node = cp.api("GET", f"/api/v1/nodes/{nodes[0]}")
    addrs = {a["type"]: a["address"] for a in node["status"]["addresses"]}
    assert addrs.get("InternalIP") == cp.node_ip, addrs
    assert not node["spec"].get("taints"), node["spec"].get("taints")
    print(f"node {nodes[0]} Ready at {t_node:.1f}s from start, InternalIP {addrs['InternalIP']}")

    cp.create_storage_class()
    cp.create_pvs(2)

    admin = cp.kubeconfig()
    t_apply = time.monotonic()
    out = kubectl(admin, "apply", "-f", "-", stdin=json.dumps(manifests())).stdout
    print(out.strip())

    pod = wait_for("pod Ready", lambda: pod_ready(cp))
    print(f"pod {pod['metadata']['name']} Ready on {pod['spec']['nodeName']} "
          f"(hostIP {pod['status'].get('hostIP')}, podIP {pod['status'].get('podIP')}) "
          f"{time.monotonic() - t_apply:.1f}s after apply")
    assert pod["spec"]["nodeName"] == nodes[0]
    assert pod["status"].get("hostIP") == cp.node_ip, pod["status"].get("hostIP")

    pvc = wait_for("PVC Bound", lambda: (
        lambda c: c if c["status"].get("phase") == "Bound" else None
    )(cp.api("GET", f"/api/v1/namespaces/{NS}/persistentvolumeclaims/data")))
    print(f"PVC data Bound to {pvc['spec']['volumeName']}")

    kubectl(admin, "-n", NS, "rollout", "status", "deployment/smoke", "--timeout=60s")
    dep = cp.api("GET", f"/apis/apps/v1/namespaces/{NS}/deployments/smoke")
    assert dep["status"].get("readyReplicas") == 1, dep["status"]

    svc = cp.api("GET", f"/api/v1/namespaces/{NS}/services/smoke")
    node_port = svc["spec"]["ports"][0]["nodePort"]
    assert 30000 <= node_port <= 32767, node_port
    print(f"service smoke NodePort {node_port} (reachable as {cp.node_ip}:{node_port} "
          "in the API only; nothing listens)")

    limited = cp.kubeconfig("limited", NS)
    p = kubectl(limited, "get", "pods", check=False)
    assert p.returncode != 0 and "forbidden" in p.stderr.lower(), (p.returncode, p.stderr)
    try:
        cp.api("GET", f"/api/v1/namespaces/{NS}/pods", user="limited")
        raise AssertionError("limited user could list pods")
    except ApiError as e:
        assert e.status == 403, e
    print("limited user: 403 Forbidden on listing pods (kubectl and API)")

    mem = cp.memory_kib()
    total = sum(mem.values())
    print("memory (RSS MiB): " + ", ".join(f"{k} {v / 1024:.0f}" for k, v in mem.items())
          + f"; total {total / 1024:.0f}")
    return list(cp.pids().values())


def main():
    t = time.monotonic()
    bin_dir, reason = ensure_binaries()
    if bin_dir is None:
        print(f"SKIP: {reason}")
        print("smoke: 0 passed, 0 failed, 1 skipped")
        return 0
    print(f"binaries: {bin_dir} ({time.monotonic() - t:.1f}s)")
    try:
        run(bin_dir)
    except AssertionError as e:
        print(f"FAIL: {e}", file=sys.stderr)
        print("smoke: 0 passed, 1 failed")
        return 1
    print("smoke: 1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
