#!/usr/bin/env python3
"""bench/smtp-sink.py <port> — an SMTP server that accepts every email and keeps none (bench/run).

The app's node sends the booking scenario's emails here instead of to the dev mailbox it embeds
when SMTP_HOST is unset: that mailbox keeps every email in the node's heap, which would count in the
node's "RSS under load". Prints the number of emails taken when stopped (SIGTERM).
"""
import signal
import sys
import warnings

warnings.filterwarnings("ignore", category=DeprecationWarning)
import asyncore  # noqa: E402 (Python 3.11: deprecated, still present; nothing else needed)
import smtpd  # noqa: E402

taken = 0


class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        global taken
        taken += 1
        return None


def stop(*_):
    print(f"smtp-sink: {taken} emails taken", flush=True)
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
Sink(("127.0.0.1", int(sys.argv[1])), None, decode_data=False)
asyncore.loop()
