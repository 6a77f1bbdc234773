"""One e-mail handed to the SMTP server within its deadline, however slowly the server answers.

smtplib's timeout bounds each connect, read and write on its own, so a server that answered each phase
(greeting, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA) just within it held a send for several timeouts: past the
row's lease, when another deliverer claimed the row and sent it again. The connection is opened within the
send's time (`alerts.socket_deadline`, as a chat message's is) and shut when it is up.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
from contextlib import suppress
from email.message import EmailMessage

from alerts.socket_deadline import ends_within, opened_within
from presswatch.config import Settings


class _SMTP(smtplib.SMTP):
    """smtplib's client, its connection opened within the send in progress."""

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        # smtplib's own, less its debug print (the method is private: typeshed does not know it)
        return opened_within(
            lambda left: socket.create_connection((host, port), left, self.source_address), timeout
        )


def send_mail(message: EmailMessage, *, settings: Settings) -> None:
    """Hand `message` to PRESSWATCH_SMTP_HOST within `alerts_webhook_timeout` seconds in all. Raises
    smtplib.SMTPException or OSError (a refusal, a failure, or the time ran out: the caller retries).

    Once the server has accepted the message it is sent: a QUIT it answers slowly or wrongly changes nothing
    (a retry would send a second copy)."""
    timeout = settings.alerts_webhook_timeout
    with ends_within(timeout) as send:
        try:
            smtp = _SMTP(settings.smtp_host or "", settings.smtp_port, timeout=timeout)
            try:
                if settings.smtp_starttls:  # verified (system CAs or smtp_ca_file), unlike smtplib's default
                    cafile = str(settings.smtp_ca_file) if settings.smtp_ca_file else None
                    smtp.starttls(context=ssl.create_default_context(cafile=cafile))
                if settings.smtp_username and settings.smtp_password:
                    smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
                smtp.send_message(message)
            except BaseException:
                smtp.close()
                raise
        except (smtplib.SMTPException, OSError) as exc:
            if send.over:
                raise OSError(
                    f"timed out: the SMTP server {settings.smtp_host} did not take the message within {timeout:g} s"
                ) from exc
            raise
        with suppress(smtplib.SMTPException, OSError):
            smtp.quit()
        smtp.close()
