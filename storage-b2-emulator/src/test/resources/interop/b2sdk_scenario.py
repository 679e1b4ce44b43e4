"""Drives the Stowage B2 emulator with b2sdk (v2 API) and checks bytes and SHA-1 at every step.

Usage: python3 b2sdk_scenario.py REALM_URL KEY_ID APPLICATION_KEY
Prints "CHECK <name>" per passed check and "SCENARIO OK <count>" at the end; exits non-zero on any failure.
"""
import hashlib
import io
import random
import sys
import urllib.error
import urllib.request

from b2sdk.v2 import B2Api, InMemoryAccountInfo
from b2sdk.exception import AccessDenied, B2Error
from b2sdk.file_lock import (BucketRetentionSetting, FileRetentionSetting, LegalHold, RetentionMode,
                             RetentionPeriod)
from b2sdk.replication.setting import ReplicationConfiguration, ReplicationRule
from b2sdk.replication.types import ReplicationStatus

REALM, KEY_ID, KEY = sys.argv[1], sys.argv[2], sys.argv[3]
checks = 0


def check(name, condition, detail=""):
    global checks
    if not condition:
        print("FAILED %s %s" % (name, detail))
        sys.exit(1)
    checks += 1
    print("CHECK " + name)


def sha1(data):
    return hashlib.sha1(data).hexdigest()


def download(downloaded):
    out = io.BytesIO()
    downloaded.save(out)
    return out.getvalue()


rng = random.Random(7)
api = B2Api(InMemoryAccountInfo())
api.authorize_account(REALM, KEY_ID, KEY)

cors = [{
    "corsRuleName": "downloadFromAnyOrigin",
    "allowedOrigins": ["https://*.example.com"],
    "allowedOperations": ["b2_download_file_by_name", "b2_upload_file"],
    "allowedHeaders": ["range", "x-bz-info-*"],
    "exposeHeaders": ["x-bz-content-sha1"],
    "maxAgeSeconds": 3600,
}]
lifecycle = [{"fileNamePrefix": "logs/", "daysFromHidingToDeleting": 1, "daysFromUploadingToHiding": 7}]
bucket = api.create_bucket("sdk-interop", "allPrivate", bucket_info={"purpose": "interop"},
                           cors_rules=cors, lifecycle_rules=lifecycle)
check("create_bucket.cors", bucket.cors_rules == cors, repr(bucket.cors_rules))
check("create_bucket.lifecycle", bucket.lifecycle_rules[0]["fileNamePrefix"] == "logs/", repr(bucket.lifecycle_rules))
listed = [b.name for b in api.list_buckets()]
check("list_buckets", "sdk-interop" in listed, repr(listed))
again = api.get_bucket_by_name("sdk-interop")
check("get_bucket_by_name", again.id_ == bucket.id_ and again.cors_rules == cors)

# small file with a name that needs percent-encoding, and file infos
small = b"hello, b2sdk " * 77
small_name = "dir/hello world+plus \u00fc.txt"
fv = bucket.upload_bytes(small, small_name, file_infos={"color": "blue", "b2-cache-control": "max-age=60"})
check("upload_small.sha1", fv.content_sha1 == sha1(small), fv.content_sha1)
check("upload_small.size", fv.size == len(small))
check("file_id.small_type", fv._type() == "small", fv.id_)
got = download(bucket.download_file_by_name(small_name))
check("download_by_name.bytes", got == small and sha1(got) == sha1(small))
info = bucket.get_file_info_by_name(small_name)
check("head.infos", info.file_info.get("color") == "blue" and info.content_sha1 == sha1(small), repr(info.file_info))
check("head.content_type", info.content_type == "text/plain", info.content_type)

# large file: the emulator is started with small part sizes, so this goes through b2_start_large_file and parts
large = bytes(rng.getrandbits(8) for _ in range(300_000))
lv = bucket.upload_bytes(large, "dir/large.bin")
check("upload_large.size", lv.size == len(large), str(lv.size))
check("upload_large.is_large", lv.content_sha1 in (None, "none") or lv.file_info.get("large_file_sha1"), repr(lv))
check("file_id.large_type", lv._type() == "large", lv.id_)
got = download(bucket.download_file_by_id(lv.id_))
check("download_large_by_id.sha1", sha1(got) == sha1(large))
got = download(bucket.download_file_by_name("dir/large.bin", range_=(1000, 120_999)))
check("download_large_range.bytes", got == large[1000:121_000], "%d bytes" % len(got))
got = download(bucket.download_file_by_id(fv.id_, range_=(6, 11)))
check("download_small_range_by_id", got == small[6:12], repr(got))

# listing
names = [(f.file_name, f.size) for f, _ in bucket.ls(recursive=True)]
check("ls.recursive", names == [("dir/hello world+plus \u00fc.txt", len(small)), ("dir/large.bin", len(large))], repr(names))
top = [(f.file_name, folder) for f, folder in bucket.ls()]
check("ls.folders", top == [("dir/hello world+plus \u00fc.txt", "dir/")], repr(top))

# versions, hide, delete
v2 = bucket.upload_bytes(b"second version", small_name)
versions = list(bucket.list_file_versions(small_name))
check("versions.order", [v.id_ for v in versions] == [v2.id_, fv.id_], repr([v.id_ for v in versions]))
bucket.hide_file(small_name)
names = [f.file_name for f, _ in bucket.ls(recursive=True)]
check("hide.ls", names == ["dir/large.bin"], repr(names))
versions = list(bucket.list_file_versions(small_name))
check("hide.versions", versions[0].action == "hide" and len(versions) == 3, repr([v.action for v in versions]))
for v in versions:
    api.delete_file_version(v.id_, v.file_name)
check("delete_versions", list(bucket.list_file_versions(small_name)) == [])

# server-side copy, whole and ranged
copied = bucket.copy(lv.id_, "copies/whole.bin", length=len(large))
got = download(bucket.download_file_by_name("copies/whole.bin"))
check("copy.whole", sha1(got) == sha1(large))
part = bucket.copy(lv.id_, "copies/part.bin", offset=10, length=5000)
got = download(bucket.download_file_by_id(part.id_))
check("copy.range", got == large[10:5010])

# download authorization: valid under its prefix only, through the raw URL with ?Authorization=
token = bucket.get_download_authorization("copies/", 600)
url = "%s/file/sdk-interop/copies/part.bin?Authorization=%s" % (api.account_info.get_download_url(), token)
got = urllib.request.urlopen(url).read()
check("download_authorization.bytes", got == large[10:5010])
try:
    urllib.request.urlopen("%s/file/sdk-interop/dir/large.bin?Authorization=%s"
                           % (api.account_info.get_download_url(), token))
    check("download_authorization.outside_prefix", False)
except urllib.error.HTTPError as e:
    check("download_authorization.outside_prefix", e.code == 401, str(e.code))

# application keys with restrictions
key = api.create_key(["listBuckets", "listFiles", "readFiles", "writeFiles"], "sdk-restricted",
                     bucket_id=bucket.id_, name_prefix="dir/")
restricted = B2Api(InMemoryAccountInfo())
restricted.authorize_account(REALM, key.id_, key.application_key)
rb = restricted.get_bucket_by_name("sdk-interop")
data = b"restricted upload"
rv = rb.upload_bytes(data, "dir/by-restricted.txt")
check("restricted.upload_in_prefix", rv.content_sha1 == sha1(data))
try:
    rb.upload_bytes(data, "elsewhere/nope.txt")
    check("restricted.upload_outside_prefix", False)
except B2Error as e:
    # b2sdk retries a 401 upload with new upload URLs, then gives up (MaxRetriesExceeded)
    stored = list(bucket.list_file_versions("elsewhere/nope.txt"))
    check("restricted.upload_outside_prefix", stored == [], repr(e))
keys = [k.key_name for k in api.list_keys()]
check("list_keys", "sdk-restricted" in keys, repr(keys))
api.delete_key(key)
check("delete_key", "sdk-restricted" not in [k.key_name for k in api.list_keys()])

# unfinished large files are listed and can be canceled
started = api.services.large_file.start_large_file(bucket.id_, "dir/unfinished.bin", "b2/x-auto", {})
unfinished = [f.file_id for f in bucket.list_unfinished_large_files()]
check("list_unfinished", started.file_id in unfinished, repr(unfinished))
api.cancel_large_file(started.file_id)
check("cancel_large_file", [f.file_id for f in bucket.list_unfinished_large_files()] == [])

# Object Lock: a lock-enabled bucket, default retention, per-file retention and legal hold, locked deletes
locked = api.create_bucket("sdk-locked", "allPrivate", is_file_lock_enabled=True)
check("lock.enabled", locked.is_file_lock_enabled is True, repr(locked.is_file_lock_enabled))
default = BucketRetentionSetting(RetentionMode.GOVERNANCE, RetentionPeriod(days=30))
locked = locked.update(default_retention=default)
check("lock.default_retention", api.get_bucket_by_name("sdk-locked").default_retention == default,
      repr(api.get_bucket_by_name("sdk-locked").default_retention))
dv = locked.upload_bytes(b"default retention", "lock/default.txt")
info = locked.get_file_info_by_id(dv.id_)
check("lock.default_applied", info.file_retention.mode == RetentionMode.GOVERNANCE, repr(info.file_retention))
until = (info.upload_timestamp or 0) + 2 * 86400 * 1000
held = locked.upload_bytes(b"held", "lock/held.txt",
                           file_retention=FileRetentionSetting(RetentionMode.GOVERNANCE, until),
                           legal_hold=LegalHold.ON)
head = locked.get_file_info_by_name("lock/held.txt")
check("lock.upload_retention", head.file_retention == FileRetentionSetting(RetentionMode.GOVERNANCE, until),
      repr(head.file_retention))
check("lock.upload_legal_hold", head.legal_hold == LegalHold.ON, repr(head.legal_hold))
try:
    api.delete_file_version(held.id_, held.file_name)
    check("lock.delete_refused", False)
except AccessDenied as e:
    check("lock.delete_refused", True)
api.update_file_legal_hold(held.id_, held.file_name, LegalHold.OFF)
check("lock.legal_hold_off", locked.get_file_info_by_id(held.id_).legal_hold == LegalHold.OFF)
later = FileRetentionSetting(RetentionMode.GOVERNANCE, until + 1000)
api.update_file_retention(held.id_, held.file_name, later)
check("lock.retention_extended", locked.get_file_info_by_id(held.id_).file_retention == later)
try:
    api.update_file_retention(held.id_, held.file_name, FileRetentionSetting(RetentionMode.GOVERNANCE, until - 1000))
    check("lock.shorten_refused", False)
except AccessDenied:
    check("lock.shorten_refused", True)
api.update_file_retention(held.id_, held.file_name, FileRetentionSetting(RetentionMode.NONE), bypass_governance=True)
check("lock.retention_removed", locked.get_file_info_by_id(held.id_).file_retention.mode == RetentionMode.NONE)
api.delete_file_version(held.id_, held.file_name)
check("lock.delete_after_release", list(locked.list_file_versions("lock/held.txt")) == [])
# b2sdk 1.17.3 cannot send bypassGovernance on deletes; its own transport can
api.session.raw_api._post_json(api.account_info.get_api_url(), "b2_delete_file_version",
                               api.account_info.get_account_auth_token(), fileId=dv.id_, fileName=dv.file_name,
                               bypassGovernance=True)
check("lock.delete_bypass", list(locked.list_file_versions("lock/default.txt")) == [])

# replication: source rules echoed with defaults, uploads pending, then cleared
replication = ReplicationConfiguration(
    rules=[ReplicationRule(destination_bucket_id=bucket.id_, name="to-interop", file_name_prefix="docs/")],
    source_key_id=KEY_ID)
source = api.create_bucket("sdk-repl-src", "allPrivate").update(replication=replication)
check("replication.echo", api.get_bucket_by_name("sdk-repl-src").replication == replication,
      repr(api.get_bucket_by_name("sdk-repl-src").replication))
rv = source.upload_bytes(b"replicate me", "docs/r.txt")
check("replication.pending", rv.replication_status == ReplicationStatus.PENDING, repr(rv.replication_status))
check("replication.pending_head", source.get_file_info_by_name("docs/r.txt").replication_status
      == ReplicationStatus.PENDING)
source = source.update(replication=ReplicationConfiguration())
check("replication.cleared", api.get_bucket_by_name("sdk-repl-src").replication in (None, ReplicationConfiguration()),
      repr(api.get_bucket_by_name("sdk-repl-src").replication))

print("SCENARIO OK %d" % checks)
