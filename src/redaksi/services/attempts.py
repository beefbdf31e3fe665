"""Services: the attempts of one push: how long to keep trying, and what a failure means.

Another desk winning the race is retried with full-jitter backoff; a lock on the remote branch
that outlives a few tries while the branch does not move is a stale lock, not a race; anything
else the remote (or a local pre-push hook) says ends the attempts as :class:`NotPushed`.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from typing import Any

from redaksi.errors import Interrupted, RepositoryError
from redaksi.infra import git, remote

ATTEMPTS = 40
PATIENCE = 30.0
BACKOFF = 0.05
CEILING = 1.0
"""Seconds. After a lost push race the wait doubles from BACKOFF up to CEILING, with full
jitter; a desk gives up after ATTEMPTS tries or PATIENCE seconds, whichever comes first."""
LOCK_PATIENCE = 2.0
LOCK_TRIES = 3
"""A remote branch found locked LOCK_TRIES times over LOCK_PATIENCE seconds while nobody's push
lands is a stale lock (a git process that died on the server), not a race between desks."""


class NotPushed(Exception):
    """The remote did not take the push: ``kind`` says who stopped it (see PushFailed)."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason

    def params(self) -> dict[str, Any]:
        return {"why_msg": f"remote.why_{self.kind}", "reason": self.reason}


class Attempts:
    """The attempts of one push: bounded in count and time, sleeping between them.

    A lost race is retried for up to PATIENCE seconds. A lock on the remote branch while the
    branch does not move is retried only LOCK_TRIES times over LOCK_PATIENCE: a stale lock.
    """

    def __init__(self) -> None:
        self.deadline = time.monotonic() + PATIENCE
        self.locked: tuple[float, str, int] | None = None  # since when, at which head, how often
        self.failure: remote.PushFailed | None = None

    def __iter__(self) -> Iterator[int]:
        for attempt in range(ATTEMPTS):
            if attempt:
                time.sleep(random.uniform(0, min(CEILING, BACKOFF * 2**attempt)))
                if time.monotonic() > self.deadline:
                    return
            yield attempt

    def push(self, repo: git.Repository, up: remote.Upstream, commit: str, seen: str) -> bool:
        """Push; True when it landed, False to try again. Raises when the remote will not."""
        try:
            remote.push(repo, up, commit, seen)
        except remote.RaceLost:
            self.locked, self.failure = None, None
            return False
        except remote.PushFailed as failed:
            if failed.kind != "locked":
                raise NotPushed(failed.kind, failed.reason) from None
            if self.locked is None or self.locked[1] != seen:
                self.locked = (time.monotonic(), seen, 0)
            since, _, count = self.locked
            self.locked = (since, seen, count + 1)
            if count + 1 >= LOCK_TRIES and time.monotonic() - since > LOCK_PATIENCE:
                raise NotPushed(failed.kind, failed.reason) from None
            self.failure = failed
            return False
        except KeyboardInterrupt:
            raise Interrupted("remote.interrupted_push", commit=commit[:7]) from None
        return True

    def gave_up(self) -> Exception:
        if self.failure is not None:
            return NotPushed(self.failure.kind, self.failure.reason)
        return RepositoryError("remote.race_lost", seconds=int(PATIENCE))
