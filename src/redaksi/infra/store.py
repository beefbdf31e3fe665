"""Infra: articles and config on disk: find, read (bounded, UTF-8), write atomically.

Every read refuses what is not an article's text (too large, not UTF-8, a link leading out of
the newsroom); every write goes to a temporary file beside the target and is renamed over it,
so a reader never sees half a file and a failure leaves the old bytes in place.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from redaksi.errors import InputError, RepositoryError, UsageError

ARTICLES = "articles"
MAX_FILE_BYTES = 1024 * 1024
"""Largest article or config read: 1 MiB. A story is text; anything larger is a mistake."""


def relative(root: Path, path: Path) -> str:
    """``path`` as a POSIX path relative to the newsroom root (as git and SPEC name files)."""
    try:
        return path.absolute().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def inside(root: Path, path: Path) -> bool:
    """Whether ``path``, with every link followed, stays inside ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


def read_text(root: Path, path: Path, *, limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of a file inside the newsroom, or an :class:`InputError` saying why not."""
    return decode(root, path, read_bounded(root, path, limit=limit), limit=limit)


def read_bounded(
    root: Path, path: Path | str, *, limit: int = MAX_FILE_BYTES, folder_inside: bool = False
) -> bytes:
    """At most ``limit + 1`` bytes of a file inside the newsroom that is not a link.

    ``folder_inside`` says the caller already knows the file's folder lies inside the newsroom
    (a catalog reading thousands of files checks each folder once, not each file).
    """
    if not folder_inside and not inside(root, Path(path).parent):
        name = relative(root, Path(path))
        raise InputError("file.outside", file=name, path=name)
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except FileNotFoundError:
        raise UsageError("file.missing", path=relative(root, Path(path))) from None
    except OSError as err:
        name = relative(root, Path(path))
        if err.errno == errno.ELOOP or Path(path).is_symlink():  # a link: say where it leads
            key = "file.symlink" if inside(root, Path(path)) else "file.outside"
            raise InputError(key, file=name, path=name) from None
        raise InputError("file.unreadable", file=name, detail=err.strerror or str(err)) from None
    try:
        with os.fdopen(handle, "rb") as opened:
            return opened.read(limit + 1)
    except OSError as err:  # a folder, or a read error
        name = relative(root, Path(path))
        raise InputError("file.unreadable", file=name, detail=err.strerror or str(err)) from None


def decode(root: Path, path: Path | str, data: bytes, *, limit: int = MAX_FILE_BYTES) -> str:
    """The text of an article's bytes, or an :class:`InputError` (too large, not UTF-8)."""
    if len(data) > limit:
        name = relative(root, Path(path))
        try:
            size = os.stat(path).st_size
        except OSError:
            size = len(data)
        raise InputError("file.too_large", file=name, size=size, limit=limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        name = relative(root, Path(path))
        raise InputError(
            "file.not_utf8", file=name, line=line, column=column, byte=err.start
        ) from None


def article_files(root: Path) -> list[Path]:
    """Every ``*.md`` under ``articles/``, sorted; links to folders are not followed."""
    base = root / ARTICLES
    found: list[Path] = []
    for folder, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(folder) / f for f in files if f.endswith(".md"))
    return sorted(found)


def files_named(root: Path, name: str) -> list[Path]:
    """The article files called ``name`` (``<slug>.md``), without building a path per article.

    Where the layout is kept (``articles/<YYYY>/<MM>/``) a few dozen existence checks answer;
    only when that finds nothing is the whole tree walked.
    """
    import glob

    laid_out = glob.glob(
        os.path.join(glob.escape(str(root / ARTICLES)), "*", "*", glob.escape(name))
    )
    if laid_out:
        return sorted(Path(p) for p in laid_out)
    found = []
    for folder, dirs, files in os.walk(root / ARTICLES):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if name in files:
            found.append(Path(folder) / name)
    return sorted(found)


def files_starting(root: Path, prefix: str) -> list[Path]:
    """The article files whose name starts with ``prefix`` (a slug's start), layout first."""
    import glob

    pattern = glob.escape(prefix) + "*.md"
    laid_out = glob.glob(os.path.join(glob.escape(str(root / ARTICLES)), "*", "*", pattern))
    if laid_out:
        return sorted(Path(p) for p in laid_out)
    return [p for p in article_files(root) if p.name.startswith(prefix)]


def expand(root: Path, paths: list[Path]) -> Iterator[Path]:
    """Files named on the command line, folders expanded to the articles in them."""
    for path in paths:
        absolute = path if path.is_absolute() else Path.cwd() / path
        if absolute.is_dir():
            for folder, dirs, files in os.walk(absolute):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                yield from (Path(folder) / f for f in sorted(files) if f.endswith(".md"))
        elif absolute.exists() or absolute.is_symlink():
            yield absolute
        else:
            raise UsageError("file.missing", path=str(path))


def write_atomic(path: Path, text: str, *, new: bool = False) -> None:
    """Replace (or, with ``new``, create) ``path`` with ``text`` in one rename.

    A read-only article stays read-only: it is refused, never replaced behind its owner's back.
    """
    name = path.name
    # Root may write anything: the owner's write bit says whether somebody protected the file.
    if not new and not (path.stat().st_mode & stat.S_IWUSR and os.access(path, os.W_OK)):
        raise RepositoryError("file.write_failed", path=name, detail="read-only")
    mode = path.stat().st_mode & 0o777 if not new else 0o666 & ~_umask()
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=path.parent)
    except OSError as err:
        raise os_failure(err, name) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        if new:
            os.link(temp, path)  # fails if the file appeared meanwhile: never overwrite
            os.unlink(temp)
        else:
            os.replace(temp, path)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise os_failure(err, name) from None


def write_new_bytes(path: Path, data: bytes) -> None:
    """Create ``path`` holding ``data`` in one step; never replaces a file that appeared."""
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o666 & ~_umask())
        os.link(temp, path)
    except OSError as err:
        raise RepositoryError(
            "file.write_failed", path=path.name, detail=err.strerror or str(err)
        ) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp)


_LANGUAGE = re.compile(r"^language:\s*['\"]?(id|en)\b", re.MULTILINE)


def configured_language(start: Path) -> str | None:
    """redaksi.yaml's ``language``, read cheaply and never failing (used to word errors)."""
    from redaksi.infra.git import find_root

    try:
        text = (find_root(start) / "redaksi.yaml").read_text(encoding="utf-8", errors="replace")
    except (RepositoryError, OSError):
        return None
    match = _LANGUAGE.search(text[:65536])
    return match.group(1) if match else None


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def restore(path: Path, original: bytes | None) -> None:
    """Put ``path`` back as it was: its old bytes, or absent if it did not exist."""
    if original is None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return
    if read_bytes(path) == original:
        return  # the failure came before the file was replaced: nothing to undo
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".restore", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(original)
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def os_failure(err: OSError, where: str, *, writing: bool = True) -> RepositoryError:
    """A failed write as one clear line: a full disk, a read-only place, or what the system said."""
    detail = err.strerror or str(err)
    if err.errno == errno.ENOSPC:
        return RepositoryError("file.disk_full", path=where)
    if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return RepositoryError("file.not_writable", path=where, detail=detail)
    return RepositoryError(
        "file.write_failed" if writing else "file.system", path=where, detail=detail
    )


def keep(path: Path, folder: Path) -> Path | None:
    """A second name for ``path``'s current bytes (a hard link: no disk space), or None."""
    with contextlib.suppress(OSError):
        folder.mkdir(exist_ok=True)
        kept = folder / f"keep-{os.getpid()}-{path.name}"
        kept.unlink(missing_ok=True)
        os.link(path, kept)
        return kept
    return None


def put_back(path: Path, original: bytes | None, kept: Path | None) -> None:
    """Put ``path`` back as it was: by its kept name if there is one, else by writing it."""
    if kept is not None and read_bytes(path) != original:
        with contextlib.suppress(OSError):
            os.replace(kept, path)  # a rename: the old bytes never left the disk
            return
    restore(path, original)


def forget(kept: Path | None) -> None:
    if kept is not None:
        with contextlib.suppress(OSError):
            kept.unlink()


def delete(path: Path) -> None:
    """Remove ``path`` (a discarded draft); a failure is one clear line."""
    try:
        path.unlink()
    except OSError as err:
        raise os_failure(err, path.name) from None


def read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def make_dirs(path: Path) -> list[Path]:
    """Create ``path``'s missing folders; return the ones created (deepest last)."""
    missing = [p for p in [path, *path.parents] if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir()
    return list(reversed(missing))


def remove_dirs(created: list[Path]) -> None:
    """Remove folders that :func:`make_dirs` created, if they are still empty."""
    for folder in reversed(created):
        with contextlib.suppress(OSError):
            folder.rmdir()


def read_chunks(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    """The bytes of a file outside the newsroom (an export), a chunk at a time."""
    if path.is_dir():
        raise UsageError("import.not_a_file", path=str(path))
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise UsageError("file.missing", path=str(path)) from None
    except OSError as err:
        raise UsageError("file.unreadable", detail=err.strerror or str(err)) from None
    with handle:
        while True:
            try:
                chunk = handle.read(size)
            except OSError as err:
                raise UsageError("file.unreadable", detail=err.strerror or str(err)) from None
            if not chunk:
                return
            yield chunk


def write_new(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data``; never replaces a file, leaves nothing half written.

    For many new files at once (an import): no fsync per file, because the commit that
    follows, not the working-tree copy, is what keeps them.
    """
    try:
        with path.open("xb") as out:
            try:
                out.write(data)
            except BaseException:
                with contextlib.suppress(OSError):
                    path.unlink()
                raise
    except OSError as err:
        raise RepositoryError(
            "file.write_failed", path=path.name, detail=err.strerror or str(err)
        ) from None
