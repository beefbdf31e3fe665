"""Services: converting posts in worker processes, in export order, with bounded memory.

Turning HTML into Markdown is nearly all of an import's time (a few milliseconds a post), so
posts are converted in chunks on every core, as ``validate`` analyses a cold newsroom. Only
a few chunks are in flight at once: the export is still streamed, whatever its size.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future
from datetime import datetime, tzinfo
from typing import Any

from redaksi.core.wordpress import posts
from redaksi.core.wordpress.wxr import Channel, Item

PARALLEL_FROM = 200
"""Convert in worker processes when the export has at least this many posts."""
CHUNK = 32
WINDOW = 3
"""Chunks in flight per worker."""

_context: tuple[Channel, Mapping[str, posts.Attachment], tzinfo, datetime] | None = None


def _start(
    channel: Channel, attachments: Mapping[str, posts.Attachment], zone: tzinfo, now: datetime
) -> None:
    """A worker's read-only context, set once when its process starts."""
    global _context
    _context = (channel, attachments, zone, now)


def convert_one(
    item: Item,
    channel: Channel,
    attachments: Mapping[str, posts.Attachment],
    zone: tzinfo,
    now: datetime,
) -> posts.Post | posts.Skip:
    """What ``item`` becomes; a post whose conversion fails is listed with why, never fatal.

    SPEC: a post that cannot be converted is skipped and reported with its WordPress id, never
    a traceback and never half an import (HTML nested thousands deep exhausts the converter's
    recursion, for one).
    """
    try:
        return posts.convert(item, channel, attachments, zone, now)
    except (RecursionError, ValueError, TypeError, LookupError, AttributeError) as err:
        detail = ("import.error", {"detail": type(err).__name__})
        title = posts.clean_title(item.fields.get("title", ""))[0]
        return posts.Skip(item.get("wp:post_id") or "?", "error", title, False, detail)


def _convert_chunk(chunk: list[Item]) -> list[posts.Post | posts.Skip]:
    assert _context is not None  # set by the pool's initializer
    return [convert_one(item, *_context) for item in chunk]


def converted(
    items: Iterable[Item],
    count: int,
    channel: Channel,
    attachments: Mapping[str, posts.Attachment],
    zone: tzinfo,
    now: datetime,
) -> Iterator[tuple[Item, posts.Post | posts.Skip]]:
    """Each item with what it becomes, in the order given; ``count`` says how many to expect."""
    workers = min(os.cpu_count() or 1, 4)
    if count < PARALLEL_FROM or workers < 2:
        for item in items:
            yield item, convert_one(item, channel, attachments, zone, now)
        return
    from concurrent.futures import ProcessPoolExecutor

    pending: deque[tuple[list[Item], Future[Any]]] = deque()
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_start, initargs=(channel, attachments, zone, now)
    ) as pool:
        chunk: list[Item] = []
        for item in items:
            chunk.append(item)
            if len(chunk) == CHUNK:
                pending.append((chunk, pool.submit(_convert_chunk, chunk)))
                chunk = []
            while len(pending) > WINDOW * workers:
                done, future = pending.popleft()
                yield from zip(done, future.result(), strict=True)
        if chunk:
            pending.append((chunk, pool.submit(_convert_chunk, chunk)))
        while pending:
            done, future = pending.popleft()
            yield from zip(done, future.result(), strict=True)
