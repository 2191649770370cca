#!/usr/bin/env python3
"""LMTP client scenarios for the dagent tests, over Python's smtplib.LMTP.

Usage: lmtp_client.py SCENARIO PORT MESSAGE_DIR
Prints one JSON object: the replies the server gave, as [code, text] pairs, by step.
"""
import base64
import json
import os
import smtplib
import sys


def reply(pair):
    code, text = pair
    return [code, text.decode("utf-8", "replace") if isinstance(text, bytes) else text]


def connect(port):
    lmtp = smtplib.LMTP("127.0.0.1", port, timeout=120)
    code, text = lmtp.ehlo("client.example.net")
    return lmtp, [code, text.decode()]


def crlf(data):
    """Message files are stored with LF line ends; the wire wants CRLF."""
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def read(message_dir, name):
    with open(os.path.join(message_dir, name), "rb") as f:
        return crlf(f.read())


def transaction(lmtp, sender, recipients, data, mail_options=()):
    """MAIL, RCPT for each, DATA: the replies, with one DATA reply per accepted recipient."""
    out = {"mail": reply(lmtp.mail(sender, list(mail_options))), "rcpt": [], "data": []}
    accepted = 0
    for r in recipients:
        rep = reply(lmtp.rcpt(r))
        out["rcpt"].append(rep)
        accepted += rep[0] == 250
    if accepted == 0:
        out["data"].append(reply(lmtp.docmd("DATA")))
        return out
    code, text = lmtp.data(data)
    out["data"].append(reply((code, text)))
    for _ in range(accepted - 1):
        out["data"].append(reply(lmtp.getreply()))
    return out


def mixed(port, message_dir):
    lmtp, lhlo = connect(port)
    result = transaction(lmtp, "sender@example.net",
                         ["alice@example.org", "nobody@example.org", "AL@example.org", "bob@example.org",
                          "carol@example.org", "dave@example.org"],
                         read(message_dir, "plain.eml"))
    result["lhlo"] = lhlo
    result["quit"] = reply(lmtp.quit())
    return result


def pipelined(port, message_dir):
    """Every command of a transaction in one write, as an MTA using PIPELINING sends them."""
    lmtp, lhlo = connect(port)
    lmtp.send(b"MAIL FROM:<sender@example.net>\r\nRCPT TO:<bob@example.org>\r\n"
              b"RCPT TO:<ghost@example.org>\r\nRCPT TO:<alice@example.org>\r\nDATA\r\n")
    replies = [reply(lmtp.getreply()) for _ in range(5)]
    body = read(message_dir, "plain.eml").replace(b"Lunch on Friday", b"Pipelined lunch")
    body = body.replace(b"\r\n.", b"\r\n..")
    lmtp.send(body + b".\r\nNOOP\r\n")
    replies += [reply(lmtp.getreply()) for _ in range(3)]
    replies.append(reply(lmtp.quit()))
    return {"lhlo": lhlo, "replies": replies}


def oversize(port, message_dir):
    """Over the size limit by SIZE= and by the data itself; then a normal message on the same connection."""
    lmtp, lhlo = connect(port)
    out = {"lhlo": lhlo}
    out["declared"] = reply(lmtp.mail("sender@example.net", ["SIZE=10000000"]))
    lmtp.rset()
    big = b"Subject: too big\r\nFrom: sender@example.net\r\n\r\n" + (b"x" * 998 + b"\r\n") * 300
    out["big"] = transaction(lmtp, "sender@example.net", ["alice@example.org", "bob@example.org"], big)
    out["after"] = transaction(lmtp, "sender@example.net", ["alice@example.org"],
                               read(message_dir, "plain.eml").replace(b"Lunch on Friday", b"After the big one"))
    out["quit"] = reply(lmtp.quit())
    return out


def barelf(port, message_dir):
    """Bare LF line ends and a NUL byte, sent exactly as they are."""
    lmtp, lhlo = connect(port)
    data = (b"From: sender@example.net\nTo: alice@example.org\nSubject: bare LF and NUL\n"
            b"Message-ID: <barelf@example.net>\n\nfirst line\nwith a NUL \x00 inside\n..stuffed dot\nlast line\r\n")
    lmtp.mail("sender@example.net")
    lmtp.rcpt("alice@example.org")
    lmtp.putcmd("data")
    first = reply(lmtp.getreply())
    lmtp.send(data + b".\r\n")
    return {"lhlo": lhlo, "data": [first, reply(lmtp.getreply())], "quit": reply(lmtp.quit())}


def eightbit(port, message_dir):
    lmtp, lhlo = connect(port)
    result = transaction(lmtp, "jürgen@example.de", ["alice@example.org"], read(message_dir, "eightbit.eml"),
                         ["BODY=8BITMIME", "SMTPUTF8"])
    result["lhlo"] = lhlo
    return result


def spam(port, message_dir):
    lmtp, lhlo = connect(port)
    out = {"lhlo": lhlo,
           "spam": transaction(lmtp, "winner@spam.example", ["alice@example.org"], read(message_dir, "spam.eml")),
           "ham": transaction(lmtp, "colleague@example.net", ["alice@example.org"], read(message_dir, "ham.eml"))}
    out["quit"] = reply(lmtp.quit())
    return out


def big(port, message_dir):
    """A 50 MB message: a base64 attachment of 37.5 MB of pseudo-random bytes, lines of 76 characters."""
    payload = bytearray()
    seed = 12345
    chunk = bytearray(1 << 20)
    for i in range(len(chunk)):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        chunk[i] = seed >> 16 & 0xFF
    while len(payload) < 37_500_000:
        payload += chunk
    del payload[37_500_000:]
    encoded = base64.encodebytes(bytes(payload)).replace(b"\n", b"\r\n")
    head = (b"From: sender@example.net\r\nTo: bob@example.org\r\nSubject: fifty megabytes\r\n"
            b"Message-ID: <big@example.net>\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nbig one\r\n"
            b"--b1\r\nContent-Type: application/octet-stream\r\n"
            b"Content-Disposition: attachment; filename=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n")
    data = head + encoded + b"--b1--\r\n"
    lmtp, lhlo = connect(port)
    result = transaction(lmtp, "sender@example.net", ["bob@example.org"], data, ["SIZE=%d" % len(data)])
    result["lhlo"] = lhlo
    result["size"] = len(data)
    return result


def starttls(port, message_dir):
    """STARTTLS (the test's self-signed certificate is not verified), LHLO again, a message over TLS."""
    import ssl
    lmtp, lhlo = connect(port)
    out = {"lhlo": lhlo, "starttls": reply(lmtp.starttls(context=ssl._create_unverified_context()))}
    code, text = lmtp.ehlo("client.example.net")
    out["lhlo_tls"] = [code, text.decode()]
    out["cipher"] = lmtp.sock.version()
    out.update(transaction(lmtp, "sender@example.net", ["bob@example.org"],
                           read(message_dir, "plain.eml").replace(b"Lunch on Friday", b"Lunch over TLS")))
    out["quit"] = reply(lmtp.quit())
    return out


if __name__ == "__main__":
    scenario, port, message_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    print(json.dumps(globals()[scenario](port, message_dir)))
