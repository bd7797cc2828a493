#!/usr/bin/python3
"""Generates passlib-vectors.tsv with the real passlib 1.7.4 (Debian python3-passlib).

Columns (tab separated): scheme, password as hex of its UTF-8 bytes, stored hash,
expected Verification under Gatehouse's default costs (all schemes enabled, none
deprecated; invenio_aes_encrypted_email is verify-only and so always needs an
upgrade), legacy HMAC salt ('-' for none), note.
"""
import base64
import hashlib
import hmac
import sys

import passlib
from passlib.hash import argon2, bcrypt, pbkdf2_sha1, pbkdf2_sha256, pbkdf2_sha512, sha512_crypt
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

assert passlib.__version__ == "1.7.4", passlib.__version__

DEFAULT_ROUNDS = {"pbkdf2_sha512": 220000, "pbkdf2_sha256": 600000, "pbkdf2_sha1": 1300000,
                  "bcrypt": 12, "sha512_crypt": 656000}
DEFAULT_ARGON2 = (19456, 2, 1)  # m, t, p

PASSWORDS = {
    "ascii": "correct horse battery staple",
    "latin1": "pässwörd €",
    "emoji": "🔐 secret 🦄",
    "cjk": "密码パスワード비밀번호",
    "empty": "",
    "long1000": "Aa1-" * 250,
}
WRONG = "correct horse battery stapler"

rows = []


def weaker(scheme, h):
    if scheme == "argon2":
        p = argon2.from_string(h)
        m, t, par = DEFAULT_ARGON2
        return p.type != "id" or p.memory_cost < m or p.rounds < t or p.parallelism < par
    return HANDLERS[scheme].from_string(h).rounds < DEFAULT_ROUNDS[scheme]


def add(scheme, password, h, match, salt=None, via_hmac=False, note=""):
    if not match:
        verification = "NO_MATCH"
    elif via_hmac or weaker(scheme, h):
        verification = "MATCH_NEEDS_UPGRADE"
    else:
        verification = "MATCH"
    rows.append((scheme, password.encode("utf-8").hex(), h, verification, salt or "-", note))


HANDLERS = {
    "pbkdf2_sha512": pbkdf2_sha512.using(rounds=1000),
    "pbkdf2_sha256": pbkdf2_sha256.using(rounds=1200),
    "pbkdf2_sha1": pbkdf2_sha1.using(rounds=2900),
    "bcrypt": bcrypt.using(rounds=4),
    "argon2": argon2.using(type="id", memory_cost=256, rounds=2, parallelism=1),
    "sha512_crypt": sha512_crypt.using(rounds=1000),
}

for scheme, handler in HANDLERS.items():
    for label, pw in PASSWORDS.items():
        h = handler.hash(pw)
        add(scheme, pw, h, handler.verify(pw, h), note=f"{label} low cost")
        add(scheme, WRONG, h, handler.verify(WRONG, h), note=f"{label} low cost, wrong password")

# passlib's own defaults (pbkdf2 29000/25000, bcrypt 12 is too slow for tests)
for scheme, handler in (("pbkdf2_sha512", pbkdf2_sha512.using(rounds=25000)),
                        ("pbkdf2_sha256", pbkdf2_sha256.using(rounds=29000)),
                        ("pbkdf2_sha1", pbkdf2_sha1.using(rounds=29000))):
    h = handler.hash(PASSWORDS["ascii"])
    add(scheme, PASSWORDS["ascii"], h, True, note="passlib default rounds")

h = pbkdf2_sha512.using(rounds=220000).hash(PASSWORDS["latin1"])
add("pbkdf2_sha512", PASSWORDS["latin1"], h, True, note="Gatehouse default cost")
add("pbkdf2_sha512", "pässwörd", h, False, note="Gatehouse default cost, wrong password")

for variant in ("2a", "2y", "2b"):
    h = bcrypt.using(rounds=5, ident=variant).hash(PASSWORDS["ascii"])
    add("bcrypt", PASSWORDS["ascii"], h, True, note=f"bcrypt ${variant}$ cost 5")

# bcrypt only looks at the first 72 bytes (passlib truncate_error=False)
h = bcrypt.using(rounds=4).hash("x" * 72 + "tail one")
add("bcrypt", "x" * 72 + "other tail", h, bcrypt.verify("x" * 72 + "other tail", h), note="bcrypt 72-byte truncation")

h = argon2.using(type="i", memory_cost=256, rounds=2, parallelism=1).hash(PASSWORDS["ascii"])
add("argon2", PASSWORDS["ascii"], h, True, note="argon2i")
add("argon2", WRONG, h, False, note="argon2i wrong password")
h = argon2.using(type="id", memory_cost=512, rounds=3, parallelism=2).hash(PASSWORDS["cjk"])
add("argon2", PASSWORDS["cjk"], h, True, note="argon2id p=2")

# sha512_crypt with the implicit 5000 rounds form ($6$salt$hash)
h = sha512_crypt.using(rounds=5000).hash(PASSWORDS["emoji"])
assert "rounds=" not in h
add("sha512_crypt", PASSWORDS["emoji"], h, True, note="sha512_crypt implicit rounds=5000")
h = sha512_crypt.using(rounds=5000, salt="saltstring").hash("Hello world!")
add("sha512_crypt", "Hello world!", h, True, note="Drepper spec example 1")

# Flask-Security legacy HMAC pre-hash: passlib hashes base64(hmac_sha512(salt, password))
SALT = "legacy-salt-ÿ"


def get_hmac(password, salt):
    return base64.b64encode(hmac.new(salt.encode("utf-8"), password.encode("utf-8"), hashlib.sha512).digest()).decode("ascii")


for scheme, handler in (("pbkdf2_sha512", HANDLERS["pbkdf2_sha512"]), ("bcrypt", HANDLERS["bcrypt"]),
                        ("sha512_crypt", HANDLERS["sha512_crypt"])):
    for label in ("ascii", "latin1"):
        pw = PASSWORDS[label]
        h = handler.hash(get_hmac(pw, SALT))
        add(scheme, pw, h, True, salt=SALT, via_hmac=True, note=f"Flask-Security HMAC pre-hash {label}")
        add(scheme, WRONG, h, False, salt=SALT, note=f"Flask-Security HMAC pre-hash {label}, wrong password")
        add(scheme, pw, h, False, note=f"Flask-Security HMAC pre-hash {label}, salt not configured")

# Invenio legacy: $invenio-aes$EMAIL$HEX(sha256(AES_ENCRYPT(email, password)))


def mysql_aes_encrypt(data, key):
    k = bytearray(16)
    for i, b in enumerate(key):
        k[i % 16] ^= b
    pad = 16 - len(data) % 16
    enc = Cipher(algorithms.AES(bytes(k)), modes.ECB()).encryptor()
    return enc.update(data + bytes([pad]) * pad) + enc.finalize()


assert mysql_aes_encrypt(b"test", b"key").hex() == "9e9ce44cd9df2b201f51947e03bccbe2"
for email, label in (("alice@example.org", "ascii"), ("jörg@exämple.de", "latin1"), ("bob@example.org", "long1000")):
    pw = PASSWORDS[label]
    h = "$invenio-aes$" + email + "$" + hashlib.sha256(mysql_aes_encrypt(email.encode(), pw.encode())).hexdigest()
    add("invenio_aes_encrypted_email", pw, h, True, via_hmac=True, note=f"invenio aes {label} (deprecated scheme)")
    add("invenio_aes_encrypted_email", WRONG, h, False, note=f"invenio aes {label}, wrong password")

out = sys.stdout
for row in rows:
    out.write("\t".join(row) + "\n")
