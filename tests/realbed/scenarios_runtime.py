"""Runtime tier: the generated pods run with the real GoQuorum geth and Tessera.

Both components must come from the package registries. GoQuorum is consumed as a Go module
(a `replace` of github.com/ethereum/go-ethereum onto the Consensys fork at the v24.4.1 commit),
Tessera as the `tessera-dist` distribution from Maven Central. Each run asks the registries
again, so the tier starts to matter the day they serve them; until then every scenario is SKIP
with the registry's own answer.
"""

from __future__ import annotations

import functools
import re
import os
import subprocess
import tempfile

from bed import Bed, Scenario, Skip

GOQUORUM_MODULE = "github.com/Consensys/quorum@v0.0.0-20240612165440-8585ac91f198"  # tag v24.4.1
TESSERA_ARTIFACT = "net.consensys.quorum.tessera:tessera-dist:24.4.2:tar"


@functools.cache
def goquorum() -> str | None:
    """None when the Go module proxy serves GoQuorum 24.4.1, else its answer."""
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(os.environ, GOFLAGS="-mod=mod", GOPATH=os.environ.get("GOPATH", os.path.expanduser("~/go")))
        proc = subprocess.run(["go", "mod", "download", "-json", GOQUORUM_MODULE], cwd=scratch, env=env,
                              capture_output=True, text=True, timeout=120)
    if proc.returncode == 0:
        return None
    answer = next((l for l in proc.stdout.splitlines() if '"Error"' in l), proc.stderr.strip())
    return f"GoQuorum geth 24.4.1: the Go module proxy refuses {GOQUORUM_MODULE} ({answer.strip()[:160]})"


@functools.cache
def tessera() -> str | None:
    """None when Maven Central serves the Tessera 24.4.2 distribution, else its answer."""
    proc = subprocess.run(["mvn", "-q", "-B", "-Dstyle.color=never", "dependency:get", f"-Dartifact={TESSERA_ARTIFACT}",
                           "-Dtransitive=false"], capture_output=True, text=True, timeout=300)
    if proc.returncode == 0:
        return None
    plain = re.sub(r"\x1b\[[0-9;]*m", "", proc.stdout)
    answer = next((l for l in plain.splitlines() if "Could not find" in l or "Couldn't" in l),
                  "mvn dependency:get failed")
    return f"Tessera 24.4.2: Maven Central has no {TESSERA_ARTIFACT} ({answer.strip()[:160]})"


def needs(*probes):
    def scenario(tb: Bed):
        missing = [why for why in (p() for p in probes) if why]
        if missing:
            raise Skip("; ".join(missing))
        raise Skip("the components are served now, but the pod runner of the runtime tier is not "
                   "built yet (issue 11): nothing was run")
    return scenario


SCENARIOS = [
    Scenario("runtime", "rt-qbft-blocks", "4 QBFT nodes make blocks with 3 peers each", needs(goquorum, tessera)),
    Scenario("runtime", "rt-ibft-blocks", "4 IBFT nodes make blocks with 3 peers each", needs(goquorum, tessera)),
    Scenario("runtime", "rt-raft-blocks", "raft makes a block once a transaction is sent", needs(goquorum, tessera)),
    Scenario("runtime", "rt-clique-blocks", "clique makes a block once a transaction is sent", needs(goquorum, tessera)),
    Scenario("runtime", "rt-tessera-peers", "every Tessera is up and knows every peer", needs(tessera)),
    Scenario("runtime", "rt-private-tx", "a privateFor transaction reaches node2, not node3", needs(goquorum, tessera)),
    Scenario("runtime", "rt-restart", "a restarted node rejoins and keeps its chain", needs(goquorum, tessera)),
]
