"""A real PostgreSQL with PostGIS for the station-database tests: Debian's server, run by the tests
in a temporary folder (data and Unix socket there, no TCP), stopped at the end of the session and
when a test fails. The server refuses to run as root: as root it runs as the ``postgres`` user.
Where PostgreSQL, PostGIS or psycopg2 is missing the tests that use it are skipped."""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from contextlib import closing
from pathlib import Path

import pytest

PORT = 5432  # only names the socket file: the server listens on no TCP port
SUPERUSER = "postgres"
PREFIX = "ypo-postgres-"
OWNER = "session.pid"  # the test session's process, in the server's folder


def _bin_dir() -> Path | None:
    """The server's programs (pg_config knows them; else the newest Debian version folder)."""
    try:
        found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True)
        candidates = [found.stdout.strip()]
    except (OSError, subprocess.CalledProcessError):
        candidates = []
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(Path(path).parent.name), reverse=True
    )
    for candidate in candidates:
        if (Path(candidate) / "initdb").exists() and (Path(candidate) / "pg_ctl").exists():
            return Path(candidate)
    return None


def stop_abandoned_servers(bin_dir: Path) -> None:
    """Stop the servers of test sessions that died without stopping them (a crash skips the
    fixture's end); another session's server that is still running is left alone."""
    for folder in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            os.kill(int((folder / OWNER).read_text()), 0)
            continue  # its session is running
        except ProcessLookupError:
            pass
        except (OSError, ValueError):
            continue  # not one of ours, or being set up
        PostgresServer(bin_dir, folder).stop()
        shutil.rmtree(folder, ignore_errors=True)


class PostgresServer:
    """A private server: ``connect`` as any role (local connections are trusted), ``conninfo`` for
    QGIS and libpq."""

    def __init__(self, bin_dir: Path, folder: Path):
        self.bin_dir = bin_dir
        self.folder = folder
        self.data = folder / "data"
        self.log = folder / "server.log"
        self.run_as = [] if os.geteuid() else ["runuser", "-u", SUPERUSER, "--"]

    def _run(self, program, *args):
        return subprocess.run(
            [*self.run_as, str(self.bin_dir / program), *args],
            capture_output=True,
            text=True,
            check=True,
            cwd=self.folder,
        )

    def start(self):
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8", "--no-locale")
        options = f"-k {self.folder} -c listen_addresses='' -p {PORT} -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def conninfo(self, dbname: str, user: str = SUPERUSER) -> str:
        return f"dbname={dbname} host={self.folder} port={PORT} user={user}"

    def connect(self, dbname: str = "postgres", user: str = SUPERUSER, autocommit: bool = True):
        import psycopg2

        connection = psycopg2.connect(host=str(self.folder), port=PORT, dbname=dbname, user=user)
        connection.autocommit = autocommit
        return connection

    def create_database(self, name: str) -> str:
        """A new database with PostGIS; returns its name."""
        with closing(self.connect()) as connection, connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        with closing(self.connect(name)) as connection, connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION postgis")
        return name

    def create_login(self, login: str, *groups: str) -> None:
        """A login role granted ``groups`` (roles belong to the whole server: made once)."""
        with closing(self.connect()) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,))
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE ROLE "{login}" LOGIN')
            for group in groups:
                cursor.execute(f'GRANT {group} TO "{login}"')


@pytest.fixture(scope="session")
def postgres_server():
    pytest.importorskip("psycopg2")
    bin_dir = _bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL's server (initdb, pg_ctl) is not installed")
    stop_abandoned_servers(bin_dir)
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    (folder / OWNER).write_text(str(os.getpid()))
    if not os.geteuid():
        user = pwd.getpwnam(SUPERUSER)
        os.chown(folder, user.pw_uid, user.pw_gid)
    server = PostgresServer(bin_dir, folder)
    try:
        server.start()
        with closing(server.connect()) as connection, connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")
            if cursor.fetchone() is None:
                pytest.skip("PostGIS is not installed for this PostgreSQL")
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
