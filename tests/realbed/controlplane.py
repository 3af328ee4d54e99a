"""A real, local Kubernetes control plane for end-to-end tests.

Runs etcd, kube-apiserver, kube-controller-manager, kube-scheduler and kwok
(simulated nodes and pods; no container ever runs) as plain processes on
loopback, built by ``.ci/components/build-k8s`` from the Go module proxy.

    bin_dir, reason = ensure_binaries()
    if bin_dir is None:
        skip(reason)
    with ControlPlane(bin_dir, name="org1") as cp:
        cp.create_nodes(1)
        cp.create_storage_class()
        cp.create_pvs(2)
        kubeconfig = cp.kubeconfig()               # admin (system:masters)
        limited = cp.kubeconfig("limited", "ns")   # no groups: RBAC applies
        cp.api("GET", "/api/v1/namespaces/default/pods")

Several instances may run at once (each has its own work dir, loopback ports
and node IP: 127.0.0.11 for the first of the instances alive together,
127.0.0.12 for the second, ...). Only the Python standard library and ``cryptography``
are used.
"""

from __future__ import annotations

import atexit
import datetime
import ipaddress
import json
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD_SCRIPT = os.path.join(REPO, ".ci", "components", "build-k8s")
BINARIES = ("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok")
SERVICE_CIDR = "10.96.0.0/16"
POD_CIDR = "10.0.0.1/24"  # only written into pod status by kwok; nothing connects there


class Unavailable(Exception):
    """The components cannot be built here (a module is not served)."""


class ApiError(Exception):
    """A non-2xx answer of the apiserver."""

    def __init__(self, method, path, status, body):
        self.method, self.path, self.status, self.body = method, path, status, body
        try:
            message = json.loads(body).get("message", body)
        except (ValueError, AttributeError):
            message = body
        super().__init__(f"{method} {path}: HTTP {status}: {message}")


def ensure_binaries(timeout=3600):
    """Build (or find cached) control-plane binaries.

    Returns ``(bin_dir, "")`` on success, ``(None, reason)`` when the build
    script reports that a module is unavailable (exit 3: the caller skips).
    Any other failure raises RuntimeError. Progress goes to stderr.
    """
    if not os.access(BUILD_SCRIPT, os.X_OK):
        raise RuntimeError(f"{BUILD_SCRIPT} is missing or not executable")
    proc = subprocess.Popen(
        [BUILD_SCRIPT], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        stdin=subprocess.DEVNULL,
    )
    err_lines = []

    def pump():
        for line in proc.stderr:
            err_lines.append(line)
            sys.stderr.write(line)
            sys.stderr.flush()

    t = threading.Thread(target=pump, daemon=True)
    t.start()
    try:
        out = proc.stdout.read()
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise RuntimeError(f"build-k8s did not finish within {timeout}s")
    t.join(5)
    if proc.returncode == 3:
        reason = next((l.strip() for l in reversed(err_lines) if l.startswith("unavailable:")),
                      "unavailable: build-k8s exited 3")
        return None, reason
    if proc.returncode != 0:
        tail = "".join(err_lines[-30:])
        raise RuntimeError(f"build-k8s failed (exit {proc.returncode}):\n{tail}")
    bin_dir = out.strip().splitlines()[-1] if out.strip() else ""
    for b in BINARIES:
        if not os.access(os.path.join(bin_dir, b), os.X_OK):
            raise RuntimeError(f"build-k8s printed {bin_dir!r}, which lacks {b}")
    return bin_dir, ""


# ---------------------------------------------------------------------------
# process bookkeeping shared by all instances: a killed test run leaves nothing

_LIVE = []  # ControlPlane instances with processes
_LIVE_LOCK = threading.RLock()
_PORTS_TAKEN = set()
_SLOTS = set()  # instance slots (node IPs) in use
_HANDLERS_INSTALLED = [False]


def _stop_all():
    with _LIVE_LOCK:
        live = list(_LIVE)
    for cp in live:
        try:
            cp.stop()
        except Exception as e:  # keep stopping the others
            print(f"controlplane: stop of {cp.name} failed: {e}", file=sys.stderr)


def _install_handlers():
    if _HANDLERS_INSTALLED[0]:
        return
    _HANDLERS_INSTALLED[0] = True
    atexit.register(_stop_all)
    if threading.current_thread() is not threading.main_thread():
        return
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        previous = signal.getsignal(sig)
        if previous == signal.SIG_IGN or previous is None:
            continue  # this process is meant to survive it; so are its clusters

        def handler(signum, frame, previous=previous):
            _stop_all()
            if callable(previous):
                previous(signum, frame)
            else:
                signal.signal(signum, signal.SIG_DFL)
                os.kill(os.getpid(), signum)

        signal.signal(sig, handler)


def _free_port(host="127.0.0.1"):
    with _LIVE_LOCK:
        for _ in range(100):
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                s.bind((host, 0))
                port = s.getsockname()[1]
            if port not in _PORTS_TAKEN:
                _PORTS_TAKEN.add(port)
                return port
    raise RuntimeError("no free loopback port")


def _die_with_parent():
    # Only used for processes started from the main thread: PR_SET_PDEATHSIG
    # fires when the *thread* that forked exits.
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def _pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


# ---------------------------------------------------------------------------
# PKI


def _write(path, data, mode=0o600):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


def _pem_key(key):
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )


def _make_pki(pki_dir, name):
    """CA (CA:TRUE) + apiserver serving cert signed by it + RSA service-account key."""
    os.makedirs(pki_dir, exist_ok=True)
    now = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=5)
    until = now + datetime.timedelta(days=7)

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"qctl-realbed-ca-{name}")])
    ca_ski = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(until)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, key_cert_sign=True, crl_sign=True,
                content_commitment=False, key_encipherment=False, data_encipherment=False,
                key_agreement=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(ca_ski, critical=False)
        .sign(ca_key, hashes.SHA256())
    )

    srv_key = ec.generate_private_key(ec.SECP256R1())
    srv = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kube-apiserver")]))
        .issuer_name(ca_name)
        .public_key(srv_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(until)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True, key_encipherment=True, key_cert_sign=False,
                crl_sign=False, content_commitment=False, data_encipherment=False,
                key_agreement=False, encipher_only=False, decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.SubjectAlternativeName([
                x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                x509.IPAddress(ipaddress.ip_network(SERVICE_CIDR)[1]),  # the kubernetes Service
                x509.DNSName("localhost"),
                x509.DNSName("kubernetes"),
                x509.DNSName("kubernetes.default"),
                x509.DNSName("kubernetes.default.svc"),
            ]),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(srv_key.public_key()), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )

    sa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    paths = {
        "ca": os.path.join(pki_dir, "ca.crt"),
        "ca_key": os.path.join(pki_dir, "ca.key"),
        "cert": os.path.join(pki_dir, "apiserver.crt"),
        "key": os.path.join(pki_dir, "apiserver.key"),
        "sa_key": os.path.join(pki_dir, "sa.key"),
        "sa_pub": os.path.join(pki_dir, "sa.pub"),
    }
    _write(paths["ca"], ca.public_bytes(serialization.Encoding.PEM), 0o644)
    _write(paths["ca_key"], _pem_key(ca_key))
    _write(paths["cert"], srv.public_bytes(serialization.Encoding.PEM), 0o644)
    _write(paths["key"], _pem_key(srv_key))
    _write(paths["sa_key"], _pem_key(sa_key))
    _write(
        paths["sa_pub"],
        sa_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
        0o644,
    )
    return paths


def _yaml_str(s):
    return json.dumps(str(s))  # a JSON string is a valid YAML scalar


# ---------------------------------------------------------------------------


class ControlPlane:
    """etcd + kube-apiserver + kube-controller-manager + kube-scheduler + kwok.

    ControlPlane(bin_dir, name="cp", work_dir=None, node_ip=None, keep_data=False)
      bin_dir   directory holding the five binaries (from ensure_binaries());
                kwok-stages.yaml is read from its parent directory.
      work_dir  created under the system temp dir when None; logs stay there.
      node_ip   InternalIP kwok reports for nodes; default 127.0.0.(10+n) where
                n is the lowest slot not held by another instance of this
                process that is not stopped: 127.0.0.11 for the first of two
                clusters that run together, 127.0.0.12 for the second.

    Use as a context manager, or call start() / stop().
    """

    USERS = ("admin", "limited")

    def __init__(self, bin_dir, name="cp", work_dir=None, node_ip=None, keep_data=False):
        self.bin_dir = os.path.abspath(bin_dir)
        self.name = name
        with _LIVE_LOCK:
            # lowest slot not held by another instance that is not stopped yet
            self.index = next(i for i in range(1, 10**6) if i not in _SLOTS)
            _SLOTS.add(self.index)
        self.node_ip = node_ip or f"127.0.0.{10 + (self.index - 1) % 240 + 1}"
        self.stages_file = os.path.join(os.path.dirname(self.bin_dir), "kwok-stages.yaml")
        self.work_dir = os.path.abspath(
            work_dir or tempfile.mkdtemp(prefix=f"qctl-realbed-{name}-")
        )
        os.makedirs(self.work_dir, exist_ok=True)
        self.keep_data = keep_data
        self.procs = {}  # component -> Popen
        self._logs = {}
        self._stopped = False
        self._node_count = 0
        self._pv_count = 0
        self.timings = {}
        self.tokens = {
            "admin": secrets.token_hex(16),
            "limited": secrets.token_hex(16),
            "kube-controller-manager": secrets.token_hex(16),
            "kube-scheduler": secrets.token_hex(16),
            "kwok": secrets.token_hex(16),
        }
        self.ports = {}
        self.pki = None
        self.server = None
        self._ssl = None

    # -- lifecycle ---------------------------------------------------------

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def start(self, timeout=120):
        """Start all components and wait until they are healthy."""
        _install_handlers()
        with _LIVE_LOCK:
            _LIVE.append(self)
        t0 = time.monotonic()
        try:
            self._start(timeout)
        except BaseException:
            self.dump_logs()
            self.stop()
            raise
        self.timings["start_total"] = time.monotonic() - t0
        return self

    def _start(self, timeout):
        for b in BINARIES:
            if not os.access(os.path.join(self.bin_dir, b), os.X_OK):
                raise RuntimeError(f"{b} missing in {self.bin_dir}")
        if not os.path.isfile(self.stages_file):
            raise RuntimeError(f"kwok stages file missing: {self.stages_file}")
        t0 = time.monotonic()
        deadline = t0 + timeout
        for p in ("etcd_client", "etcd_peer", "apiserver", "kcm", "scheduler", "kwok", "geth_rpc",
                  "tessera_3p"):
            self.ports[p] = _free_port()
        self.pki = _make_pki(os.path.join(self.work_dir, "pki"), self.name)
        self.server = f"https://127.0.0.1:{self.ports['apiserver']}"
        self._ssl = ssl.create_default_context(cafile=self.pki["ca"])

        # token file: token,user,uid,"group1,group2"
        groups = {
            "admin": "system:masters",
            "limited": "",
            "kube-controller-manager": "system:masters",
            "kube-scheduler": "",
            "kwok": "system:masters",
        }
        users = {
            "admin": "admin",
            "limited": "limited",
            "kube-controller-manager": "system:kube-controller-manager",
            "kube-scheduler": "system:kube-scheduler",
            "kwok": "kwok",
        }
        lines = []
        for key, token in self.tokens.items():
            line = f"{token},{users[key]},uid-{key}"
            if groups[key]:
                line += f',"{groups[key]}"'
            lines.append(line)
        tokens_csv = os.path.join(self.work_dir, "tokens.csv")
        _write(tokens_csv, "\n".join(lines) + "\n")

        # etcd
        ec_url = f"http://127.0.0.1:{self.ports['etcd_client']}"
        ep_url = f"http://127.0.0.1:{self.ports['etcd_peer']}"
        self._spawn("etcd", [
            "--name=n0",
            f"--data-dir={os.path.join(self.work_dir, 'etcd')}",
            f"--listen-client-urls={ec_url}",
            f"--advertise-client-urls={ec_url}",
            f"--listen-peer-urls={ep_url}",
            f"--initial-advertise-peer-urls={ep_url}",
            f"--initial-cluster=n0={ep_url}",
            "--initial-cluster-state=new",
            "--unsafe-no-fsync",
            "--log-level=warn",
            "--quota-backend-bytes=1073741824",
        ])
        self._wait("etcd", lambda: self._http_ok(f"{ec_url}/health"), deadline)
        self.timings["etcd"] = time.monotonic() - t0

        # kube-apiserver
        self._spawn("kube-apiserver", [
            f"--etcd-servers={ec_url}",
            "--bind-address=127.0.0.1",
            "--advertise-address=127.0.0.1",
            f"--secure-port={self.ports['apiserver']}",
            f"--cert-dir={os.path.join(self.work_dir, 'pki', 'apiserver-generated')}",
            f"--tls-cert-file={self.pki['cert']}",
            f"--tls-private-key-file={self.pki['key']}",
            f"--token-auth-file={tokens_csv}",
            "--authorization-mode=RBAC",
            "--anonymous-auth=false",
            "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
            f"--service-account-key-file={self.pki['sa_pub']}",
            f"--service-account-signing-key-file={self.pki['sa_key']}",
            f"--service-cluster-ip-range={SERVICE_CIDR}",
            "--service-node-port-range=30000-32767",
            "--endpoint-reconciler-type=none",
            "--allow-privileged=true",
            "--enable-priority-and-fairness=false",
            "--profiling=false",
            "--watch-cache=true",
            # logs, exec and port-forward reach kwok's kubelet endpoint (see _container_world)
            "--kubelet-preferred-address-types=InternalDNS",
            f"--kubelet-certificate-authority={self.pki['ca']}",
        ])
        self._wait("kube-apiserver", self._readyz, deadline)
        self.timings["readyz"] = time.monotonic() - t0

        # kubeconfigs of the components
        kc = {c: self._write_kubeconfig(c, None, os.path.join(self.work_dir, f"{c}.kubeconfig"))
              for c in ("kube-controller-manager", "kube-scheduler", "kwok")}

        # No --authentication/authorization-kubeconfig for the controller
        # manager and scheduler: delegated authn needs the requestheader CA of
        # an aggregation setup (it logs an error every few seconds without
        # one), and their /healthz is always allowed anyway.
        self._spawn("kube-controller-manager", [
            f"--kubeconfig={kc['kube-controller-manager']}",
            "--leader-elect=false",
            "--bind-address=127.0.0.1",
            f"--secure-port={self.ports['kcm']}",
            f"--cert-dir={os.path.join(self.work_dir, 'kcm-certs')}",
            f"--service-account-private-key-file={self.pki['sa_key']}",
            f"--root-ca-file={self.pki['ca']}",
            "--use-service-account-credentials=false",
            "--controllers=*",
            f"--service-cluster-ip-range={SERVICE_CIDR}",
            "--profiling=false",
        ])
        self._spawn("kube-scheduler", [
            f"--kubeconfig={kc['kube-scheduler']}",
            "--leader-elect=false",
            "--bind-address=127.0.0.1",
            f"--secure-port={self.ports['scheduler']}",
            f"--cert-dir={os.path.join(self.work_dir, 'scheduler-certs')}",
            "--profiling=false",
        ])
        kwok_home = os.path.join(self.work_dir, "kwok")
        os.makedirs(kwok_home, exist_ok=True)
        self._spawn("kwok", [
            f"--kubeconfig={kc['kwok']}",
            f"--config={self.stages_file}",
            f"--config={self._container_world()}",
            f"--node-port={self.ports['kwok']}",
            f"--tls-cert-file={self.pki['cert']}",
            f"--tls-private-key-file={self.pki['key']}",
            "--manage-all-nodes=true",
            f"--node-ip={self.node_ip}",
            f"--cidr={POD_CIDR}",
            "--node-lease-duration-seconds=40",
            f"--server-address=127.0.0.1:{self.ports['kwok']}",
        ], env={"KWOK_WORKDIR": kwok_home,
                # kwok resolves an exec'd command on its own PATH
                "PATH": os.path.join(self.containers_dir, "bin") + ":" + os.environ.get("PATH", "")})

        self.wait_ready(deadline - time.monotonic())
        self.timings["components"] = time.monotonic() - t0

    def _container_world(self):
        """What kwok answers for a pod's logs, exec and port-forward, as a kubelet would: the
        API server reaches kwok's kubelet endpoint (TLS, the cluster CA's certificate) at the
        node's InternalDNS 127.0.0.1. Every pod shares it:
          logs          containers/<container>.log (previous run: <container>.previous.log),
                        CRI format, written by the scenario (append_log)
          exec          runs the command here, in containers/, with containers/bin first on
                        kwok's PATH (the scenario puts a `geth` there)
          port 8545     forwarded to 127.0.0.1:ports['geth_rpc'], where a scenario may serve
                        a JSON-RPC endpoint
          port 9080     (Tessera's third-party API) forwarded to 127.0.0.1:ports['tessera_3p']
        Returns the path of the kwok config that says so."""
        root = self.containers_dir = os.path.join(self.work_dir, "containers")
        os.makedirs(os.path.join(root, "bin"), exist_ok=True)
        logs = []
        for c in ("quorum", "tessera", "init-datadir"):
            for suffix in ("log", "previous.log"):
                open(os.path.join(root, f"{c}.{suffix}"), "a").close()
            logs.append({"containers": [c], "logsFile": os.path.join(root, f"{c}.log"),
                         "previousLogsFile": os.path.join(root, f"{c}.previous.log")})
        docs = [
            {"apiVersion": "kwok.x-k8s.io/v1alpha1", "kind": "ClusterLogs",
             "metadata": {"name": "qctl-bed-logs"}, "spec": {"logs": logs}},
            {"apiVersion": "kwok.x-k8s.io/v1alpha1", "kind": "ClusterExec",
             "metadata": {"name": "qctl-bed-exec"},
             "spec": {"execs": [{"local": {"workDir": root}}]}},
            {"apiVersion": "kwok.x-k8s.io/v1alpha1", "kind": "ClusterPortForward",
             "metadata": {"name": "qctl-bed-port-forward"},
             "spec": {"forwards": [
                 {"ports": [8545], "target": {"address": "127.0.0.1",
                                              "port": self.ports["geth_rpc"]}},
                 {"ports": [9080], "target": {"address": "127.0.0.1",
                                              "port": self.ports["tessera_3p"]}}]}},
        ]
        path = os.path.join(self.work_dir, "kwok-containers.yaml")
        _write(path, "\n---\n".join(json.dumps(d) for d in docs) + "\n")
        return path

    def append_log(self, container, *lines, previous=False):
        """Appends `lines` to what every pod's `container` logged, in the CRI log format."""
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        name = f"{container}.previous.log" if previous else f"{container}.log"
        with open(os.path.join(self.containers_dir, name), "a") as f:
            for line in lines:
                f.write(f"{stamp} stdout F {line}\n")

    def wait_ready(self, timeout=60):
        """Wait until every component is healthy and the controllers work
        (the `default` ServiceAccount of namespace `default` exists)."""
        deadline = time.monotonic() + timeout
        self._wait("kube-apiserver", self._readyz, deadline)
        self._wait("kube-controller-manager",
                   lambda: self._http_ok(f"https://127.0.0.1:{self.ports['kcm']}/healthz",
                                         insecure=True), deadline)
        self._wait("kube-scheduler",
                   lambda: self._http_ok(f"https://127.0.0.1:{self.ports['scheduler']}/healthz",
                                         insecure=True), deadline)
        self._wait("kwok",
                   lambda: self._http_ok(f"http://127.0.0.1:{self.ports['kwok']}/healthz"),
                   deadline)
        self._wait("kube-controller-manager",
                   lambda: self._exists("/api/v1/namespaces/default/serviceaccounts/default"),
                   deadline, what="default ServiceAccount")

    def stop(self, grace=10.0):
        """Stop every process this instance started, by pid: first the
        clients (kwok, scheduler, controller manager), then the apiserver
        (it shuts down cleanly in about a second while etcd is still up),
        then etcd; each phase gets SIGTERM, then SIGKILL after `grace` s."""
        phases = [["kwok", "kube-scheduler", "kube-controller-manager"],
                  ["kube-apiserver"], ["etcd"]]
        for phase in phases:
            procs = [(n, self.procs[n]) for n in phase if n in self.procs]
            for _, p in procs:
                if p.poll() is None:
                    try:
                        p.terminate()
                    except ProcessLookupError:
                        pass
            deadline = time.monotonic() + grace
            for n, p in procs:
                try:
                    p.wait(max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    print(f"controlplane[{self.name}]: {n} (pid {p.pid}) ignored SIGTERM "
                          f"for {grace:.0f}s; SIGKILL", file=sys.stderr)
                    try:
                        p.kill()
                    except ProcessLookupError:
                        pass
                    p.wait(10)
        for f in self._logs.values():
            try:
                f.close()
            except Exception:
                pass
        with _LIVE_LOCK:
            if self in _LIVE:
                _LIVE.remove(self)
            for port in self.ports.values():
                _PORTS_TAKEN.discard(port)
            _SLOTS.discard(self.index)
        if not self._stopped and not self.keep_data:
            shutil.rmtree(os.path.join(self.work_dir, "etcd"), ignore_errors=True)
            shutil.rmtree(os.path.join(self.work_dir, "pv"), ignore_errors=True)
        self._stopped = True

    # -- processes ---------------------------------------------------------

    def _spawn(self, component, args, env=None):
        log_path = os.path.join(self.work_dir, f"{component}.log")
        log = open(log_path, "ab")
        self._logs[component] = log
        full_env = dict(os.environ)
        # Never let a component pick up a proxy: all traffic is loopback.
        for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
                  "ALL_PROXY"):
            full_env.pop(k, None)
        full_env["NO_PROXY"] = full_env["no_proxy"] = "127.0.0.0/8,localhost"
        if env:
            full_env.update(env)
        main = threading.current_thread() is threading.main_thread()
        p = subprocess.Popen(
            [os.path.join(self.bin_dir, component)] + args,
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            cwd=self.work_dir, env=full_env, start_new_session=True,
            preexec_fn=_die_with_parent if main else None,
        )
        self.procs[component] = p
        return p

    def _wait(self, component, check, deadline, what=None, interval=0.25):
        what = what or component
        while True:
            p = self.procs.get(component)
            if p is not None and p.poll() is not None:
                raise RuntimeError(
                    f"{component} exited with {p.returncode} while waiting for {what}\n"
                    + self.log_tail(component)
                )
            try:
                if check():
                    return
            except Exception:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"timed out waiting for {what}\n" + self.log_tail(component))
            time.sleep(interval)

    def pids(self):
        """{component: pid} of the processes still running."""
        return {n: p.pid for n, p in self.procs.items() if p.poll() is None}

    def memory_kib(self):
        """{component: VmRSS in KiB} of the running processes."""
        return {n: _rss_kib(pid) for n, pid in self.pids().items()}

    def log_path(self, component):
        return os.path.join(self.work_dir, f"{component}.log")

    def log_tail(self, component, lines=40):
        try:
            with open(self.log_path(component), "rb") as f:
                f.seek(0, os.SEEK_END)
                f.seek(max(0, f.tell() - 64 * 1024))
                text = f.read().decode("utf-8", "replace")
        except OSError:
            return f"--- {component}: no log\n"
        tail = "\n".join(text.splitlines()[-lines:])
        return f"--- {component} log tail ({self.log_path(component)}):\n{tail}\n"

    def dump_logs(self, lines=40, file=None):
        file = file or sys.stderr
        for component in self.procs:
            print(self.log_tail(component, lines), file=file)

    # -- client ------------------------------------------------------------

    def kubeconfig(self, user="admin", namespace=None):
        """Path of a kubeconfig for `user` ("admin": system:masters; "limited":
        no groups), CA-verified token auth, optionally with a namespace."""
        if user not in self.tokens:
            raise KeyError(f"unknown user {user!r}; known: {sorted(self.tokens)}")
        suffix = f"-{namespace}" if namespace else ""
        path = os.path.join(self.work_dir, f"kubeconfig-{user}{suffix}.yaml")
        return self._write_kubeconfig(user, namespace, path)

    def _write_kubeconfig(self, user, namespace, path):
        ctx = f"{self.name}-{user}"
        text = (
            "apiVersion: v1\n"
            "kind: Config\n"
            "clusters:\n"
            f"- name: {_yaml_str(self.name)}\n"
            "  cluster:\n"
            f"    server: {_yaml_str(self.server)}\n"
            f"    certificate-authority: {_yaml_str(self.pki['ca'])}\n"
            "users:\n"
            f"- name: {_yaml_str(user)}\n"
            "  user:\n"
            f"    token: {_yaml_str(self.tokens[user])}\n"
            "contexts:\n"
            f"- name: {_yaml_str(ctx)}\n"
            "  context:\n"
            f"    cluster: {_yaml_str(self.name)}\n"
            f"    user: {_yaml_str(user)}\n"
            + (f"    namespace: {_yaml_str(namespace)}\n" if namespace else "")
            + f"current-context: {_yaml_str(ctx)}\n"
        )
        _write(path, text)
        return path

    def token(self, user="admin"):
        return self.tokens[user]

    def api(self, method, path, body=None, user="admin", content_type=None, timeout=30):
        """JSON request to the apiserver; returns the decoded answer (None if
        empty). Raises ApiError (with .status) for a non-2xx answer."""
        data = None
        headers = {"Authorization": f"Bearer {self.tokens[user]}", "Accept": "application/json"}
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            if content_type is None:
                content_type = ("application/merge-patch+json" if method.upper() == "PATCH"
                                else "application/json")
            headers["Content-Type"] = content_type
        req = urllib.request.Request(self.server + path, data=data, method=method.upper(),
                                     headers=headers)
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=self._ssl)
        )
        try:
            with opener.open(req, timeout=timeout) as r:
                raw = r.read()
        except urllib.error.HTTPError as e:
            raise ApiError(method.upper(), path, e.code,
                           e.read().decode("utf-8", "replace")) from None
        return json.loads(raw) if raw else None

    def _exists(self, path):
        try:
            self.api("GET", path)
            return True
        except ApiError as e:
            if e.status == 404:
                return False
            raise

    def _readyz(self):
        try:
            self.api("GET", "/readyz", timeout=5)
        except ValueError:  # /readyz answers "ok", not JSON
            pass
        return True

    def _http_ok(self, url, insecure=False):
        ctx = None
        if url.startswith("https:"):
            # KCM/scheduler serve health checks with a self-signed cert of
            # their own; only their loopback health endpoints skip verification.
            ctx = ssl.create_default_context()
            if insecure:
                ctx.check_hostname = False
                ctx.verify_mode = ssl.CERT_NONE
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=ctx)
        )
        try:
            with opener.open(url, timeout=5) as r:
                return 200 <= r.status < 300
        except (urllib.error.URLError, OSError):
            return False

    # -- objects -----------------------------------------------------------

    def create_nodes(self, n=1, ip=None, wait=True, timeout=60, labels=None):
        """Create `n` plain v1.Node objects (no kwok taint) that kwok manages.
        Their InternalIP is `ip` when given, else this cluster's node_ip.
        Returns the node names; waits for Ready unless wait=False."""
        names = []
        for _ in range(n):
            self._node_count += 1
            name = f"{self.name}-node-{self._node_count}"
            node = {
                "apiVersion": "v1",
                "kind": "Node",
                "metadata": {
                    "name": name,
                    "labels": {
                        "kubernetes.io/hostname": name,
                        "kubernetes.io/os": "linux",
                        "kubernetes.io/arch": "amd64",
                        "type": "kwok",
                        **(labels or {}),
                    },
                },
                "spec": {},
            }
            # InternalDNS is where the API server reaches the node's kubelet (kwok's endpoint).
            node["status"] = {"addresses": [{"type": "InternalIP", "address": ip or self.node_ip},
                                            {"type": "Hostname", "address": name},
                                            {"type": "InternalDNS", "address": "127.0.0.1"}]}
            self.api("POST", "/api/v1/nodes", node)
            names.append(name)
        if wait:
            self.wait_nodes_ready(names, timeout)
        return names

    def wait_nodes_ready(self, names=None, timeout=60):
        """Wait until the named nodes (default: all) are Ready with an InternalIP."""
        deadline = time.monotonic() + timeout

        def ready():
            items = self.api("GET", "/api/v1/nodes")["items"]
            by_name = {i["metadata"]["name"]: i for i in items}
            for nm in names or list(by_name):
                node = by_name.get(nm)
                if node is None:
                    return False
                st = node.get("status", {})
                if not any(c["type"] == "Ready" and c["status"] == "True"
                           for c in st.get("conditions", [])):
                    return False
                if not any(a["type"] == "InternalIP" for a in st.get("addresses", [])):
                    return False
                if any(t.get("key", "").startswith("node.kubernetes.io/not-ready")
                       for t in node.get("spec", {}).get("taints", []) or []):
                    return False
            return True

        self._wait("kwok", ready, deadline, what=f"nodes Ready: {names or 'all'}")

    def create_storage_class(self, name="standard", default=True):
        sc = {
            "apiVersion": "storage.k8s.io/v1",
            "kind": "StorageClass",
            "metadata": {
                "name": name,
                "annotations": {
                    "storageclass.kubernetes.io/is-default-class": "true" if default else "false"
                },
            },
            "provisioner": "kubernetes.io/no-provisioner",
            "volumeBindingMode": "Immediate",
            "reclaimPolicy": "Retain",
        }
        return self.api("POST", "/apis/storage.k8s.io/v1/storageclasses", sc)

    def create_pvs(self, count, size="10Gi", storage_class="standard",
                   access_modes=("ReadWriteOnce",), reclaim="Retain"):
        """Create `count` hostPath PVs (paths under the work dir; nothing is
        mounted) so that PVCs of `storage_class` bind. Returns their names."""
        names = []
        for _ in range(count):
            self._pv_count += 1
            name = f"{self.name}-pv-{self._pv_count}"
            path = os.path.join(self.work_dir, "pv", name)
            os.makedirs(path, exist_ok=True)
            pv = {
                "apiVersion": "v1",
                "kind": "PersistentVolume",
                "metadata": {"name": name, "labels": {"qctl-realbed": "true"}},
                "spec": {
                    "capacity": {"storage": size},
                    "accessModes": list(access_modes),
                    "persistentVolumeReclaimPolicy": reclaim,
                    "storageClassName": storage_class,
                    "hostPath": {"path": path, "type": "DirectoryOrCreate"},
                },
            }
            self.api("POST", "/api/v1/persistentvolumes", pv)
            names.append(name)
        return names

    def create_namespace(self, name, labels=None):
        ns = {"apiVersion": "v1", "kind": "Namespace",
              "metadata": {"name": name, "labels": labels or {}}}
        return self.api("POST", "/api/v1/namespaces", ns)
