"""A throwaway Virtuoso (Debian ``virtuoso-opensource``) for the tests: a config in a
temporary folder, free ports on 127.0.0.1, a random ``dba`` password, started and
stopped by the test session.

``start(folder)`` returns a :class:`Virtuoso` with the SPARQL endpoint that needs digest
authentication (``/sparql-auth``, where updates are allowed) and the credentials.
"""

from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

BINARY = "virtuoso-t"
ISQL = ("isql-vt", "isql")
VAD = Path("/usr/share/virtuoso-opensource-7/vad")

INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{isql_port}
LiteMode                 = 0
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 10
CheckpointInterval       = 60
O_DIRECT                 = 0
CaseMode                 = 2
MaxStaticCursorRows      = 5000
AllowOSCalls             = 0
SchedulerInterval        = 10
DirsAllowed              = ., {dir}, {vad}
VADInstallDir            = {vad}/
ThreadsPerQuery          = 2
NumberOfBuffers          = 170000
MaxDirtyBuffers          = 130000
MaxQueryMem              = 1G

[HTTPServer]
ServerPort                  = 127.0.0.1:{http_port}
ServerRoot                  = {vsp}
MaxClientConnections        = 8
DavRoot                     = DAV
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
ServerThreads               = 8
MaxKeepAlives               = 8
KeepAliveTimeout            = 10
HTTPThreadSize              = 280000
Charset                     = UTF-8
EnabledGzipContent          = 0

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT  = 0
SQL_TXN_TIMEOUT    = 0

[SPARQL]
ResultSetMaxRows           = 5000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime      = 600
MaxConstructTriples        = 5000000
"""


@dataclass
class Virtuoso:
    """A running server: its endpoints and the ``dba`` credentials."""

    process: subprocess.Popen[bytes]
    folder: Path
    http_port: int
    isql_port: int
    user: str
    password: str

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def endpoint(self) -> str:
        """The SPARQL endpoint with digest authentication (queries and updates)."""
        return self.base + "/sparql-auth"

    @property
    def graph_store(self) -> str:
        """The Graph Store Protocol endpoint with digest authentication."""
        return self.base + "/sparql-graph-crud-auth"

    def isql(self, sql: str, password: str | None = None) -> str:
        """Run SQL through isql as dba; the output."""
        program = next(p for p in ISQL if shutil.which(p))
        done = subprocess.run(
            [program, f"127.0.0.1:{self.isql_port}", self.user, password or self.password,
             f"exec={sql}"], capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed: {done.stdout}{done.stderr}")
        return done.stdout

    def log(self) -> str:
        path = self.folder / "virtuoso.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def available() -> bool:
    """Whether Virtuoso and isql are installed."""
    return shutil.which(BINARY) is not None and any(shutil.which(p) for p in ISQL)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start(folder: Path, timeout: float = 180) -> Virtuoso:
    """Start a fresh server in ``folder``; wait until it answers SPARQL; set a random
    ``dba`` password and give ``dba`` the right to update through SPARQL."""
    folder.mkdir(parents=True, exist_ok=True)
    http_port, isql_port = _free_port(), _free_port()
    ini = folder / "virtuoso.ini"
    (folder / "vsp").mkdir(exist_ok=True)
    ini.write_text(INI.format(dir=folder, isql_port=isql_port, http_port=http_port, vad=VAD,
                              vsp=folder / "vsp"))
    process = subprocess.Popen([BINARY, "+foreground", "+configfile", str(ini)], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Virtuoso(process, folder, http_port, isql_port, "dba", "dba")
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso exited with {process.returncode}:\n{server.log()}")
        try:
            with urllib.request.urlopen(server.base + "/sparql?query=ASK%7B%7D", timeout=5) as r:
                if r.status == 200:
                    break
        except (urllib.error.URLError, OSError):
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"virtuoso did not answer in {timeout} s:\n{server.log()}")
        time.sleep(0.5)
    password = secrets.token_urlsafe(12)
    server.isql(f"user_set_password('dba', '{password}');", password="dba")
    server.password = password
    server.isql("GRANT SPARQL_UPDATE TO dba;")
    return server
