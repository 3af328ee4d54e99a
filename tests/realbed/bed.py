"""What every scenario of the real test bed shares: the qctl binary, the clusters, a work dir."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import tempfile
from typing import Callable

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Addresses the clusters' simulated nodes report, one per organisation, from the ranges kept
# for documentation (RFC 5737). They are data only: kwok writes them into Node status and
# nothing connects to them (no scenario reads logs or execs into a pod). Not loopback, because
# a join bundle naming loopback is refused, and so is an EndpointSlice.
NODE_IPS = {"a": "203.0.113.10", "b": "198.51.100.20"}


class Skip(Exception):
    """A component the scenario needs cannot be had here; the message says why."""


@dataclasses.dataclass(frozen=True)
class Scenario:
    tier: str
    name: str
    title: str
    run: Callable[["Bed"], str | None]


@dataclasses.dataclass
class Run:
    args: list[str]
    code: int
    stdout: str
    stderr: str

    def ok(self) -> "Run":
        if self.code != 0:
            raise AssertionError(f"qctl {' '.join(self.args)} exited {self.code}: {self.stderr.strip()[-800:]}")
        return self

    def json(self):
        return json.loads(self.stdout)


class Bed:
    """Holds the clusters started on demand and stops them (by pid) when the run ends."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="qctl-e2e-")
        self.timings: dict[str, tuple[str, float]] = {}
        self._clusters = {}
        self._qctl = None
        self._k8s = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for cluster in self._clusters.values():
            cluster.stop()
        if not os.environ.get("QCTL_E2E_KEEP"):
            shutil.rmtree(self.root, ignore_errors=True)
        return False

    # -- qctl ---------------------------------------------------------------------------
    def qctl_path(self) -> str:
        if self._qctl is None:
            subprocess.run(["cargo", "build", "--quiet", "--bin", "qctl"], cwd=REPO, check=True)
            target = os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target"))
            self._qctl = os.path.join(target, "debug", "qctl")
        return self._qctl

    def qctl(self, cwd: str, *args: str, kubeconfig: str | None = None, timeout: float = 300,
             stdin: str | None = None) -> Run:
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": cwd,
            "NO_COLOR": "1",
            "KUBECONFIG": kubeconfig or os.path.join(cwd, "no-kubeconfig"),
        }
        proc = subprocess.run([self.qctl_path(), *args], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=timeout, input=stdin or "")
        return Run(list(args), proc.returncode, proc.stdout, proc.stderr)

    def workdir(self, name: str) -> str:
        path = os.path.join(self.root, name)
        os.makedirs(path, exist_ok=True)
        return path

    # -- clusters -----------------------------------------------------------------------
    def cluster(self, name: str = "a"):
        """A running control plane with one Ready node, a default StorageClass and volumes."""
        if name in self._clusters:
            return self._clusters[name]
        import controlplane

        if self._k8s is None:
            try:
                self._k8s = controlplane.ensure_binaries()
            except RuntimeError as err:  # a build that breaks is a failure, not a skip
                self._k8s = (None, err)
        bin_dir, reason = self._k8s
        if isinstance(reason, RuntimeError):
            raise AssertionError(f"the control-plane build failed: {reason}")
        if bin_dir is None:
            raise Skip(f"Kubernetes control plane unavailable: {reason}")
        cluster = controlplane.ControlPlane(bin_dir, name=f"cluster-{name}",
                                            work_dir=os.path.join(self.root, f"cluster-{name}"),
                                            node_ip=NODE_IPS[name])
        self._clusters[name] = cluster
        cluster.start()
        cluster.create_nodes(1)
        cluster.create_storage_class()
        cluster.create_pvs(200)
        cluster.wait_ready()
        return cluster
