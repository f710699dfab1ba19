"""Callbacks: when a task with ``callback_url`` finishes, POST its final body (or the error
envelope with ``task_id``) to that URL, up to 3 tries with backoff, from a daemon thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

__all__ = ["CallbackSender"]

log = logging.getLogger("suno_nb.emulator")

TRIES = 3
BACKOFF = (0.5, 1.5)  # seconds before the 2nd and 3rd tries


class CallbackSender:
    """Delivers one callback per task; ``deliveries`` records what happened, for tests."""

    def __init__(self, sleep: Callable[[float], None]) -> None:
        self.sleep = sleep
        self.deliveries: list[dict[str, Any]] = []
        self._threads: list[threading.Thread] = []

    def schedule(
        self, url: str, wait: float, final_body: Callable[[], dict[str, Any]], task_id: str
    ) -> None:
        thread = threading.Thread(
            target=self._deliver,
            args=(url, wait, final_body, task_id),
            name=f"suno-emulator-callback-{task_id[:8]}",
            daemon=True,
        )
        self._threads = [t for t in self._threads if t.is_alive()]
        self._threads.append(thread)
        thread.start()

    def join(self, timeout: float = 10.0) -> None:
        for thread in list(self._threads):
            thread.join(timeout)

    def _deliver(
        self, url: str, wait: float, final_body: Callable[[], dict[str, Any]], task_id: str
    ) -> None:
        from suno_nb import _http

        if wait > 0:
            self.sleep(wait)
        try:
            body = final_body()
        except Exception as exc:  # never let a rendering failure kill the thread silently
            log.exception("callback body for task %s failed", task_id)
            body = {
                "success": False,
                "task_id": task_id,
                "error": {"code": "api_error", "message": f"job failed: {exc}"},
            }
        outcome: dict[str, Any] = {"task_id": task_id, "url": url, "tries": 0, "status": None}
        with _http.Client(timeout=_http.Timeout(10.0, connect=5.0)) as client:
            for attempt in range(TRIES):
                outcome["tries"] = attempt + 1
                try:
                    response = client.post(url, json=body)
                    outcome["status"] = response.status_code
                    if response.status_code < 400:
                        break
                except _http.HTTPError as exc:
                    outcome["status"] = f"{type(exc).__name__}"
                if attempt < TRIES - 1:
                    self.sleep(BACKOFF[attempt])
        self.deliveries.append(outcome)
