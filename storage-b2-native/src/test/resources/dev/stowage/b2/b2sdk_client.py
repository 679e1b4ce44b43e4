"""Drives b2sdk (Debian python3-b2sdk) against a B2 endpoint for the cross-client tests.

Usage: b2sdk_client.py REALM BUCKET COMMAND ARGS...  (credentials in B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY)
  get NAME OUT   download NAME to OUT, print "sha1=<header sha1>" and "large_file_sha1=<info>"
  put NAME IN    upload IN as NAME, print "id=<file id>"
  info NAME      print "sha1=..." and "info.<key>=<value>" lines for NAME
"""
import hashlib
import os
import sys

from b2sdk.v2 import B2Api, InMemoryAccountInfo


def main():
    realm, bucket_name, command = sys.argv[1], sys.argv[2], sys.argv[3]
    api = B2Api(InMemoryAccountInfo())
    api.authorize_account(realm, os.environ["B2_APPLICATION_KEY_ID"], os.environ["B2_APPLICATION_KEY"])
    bucket = api.get_bucket_by_name(bucket_name)
    if command == "get":
        name, out = sys.argv[4], sys.argv[5]
        downloaded = bucket.download_file_by_name(name)
        downloaded.save_to(out)
        version = downloaded.download_version
        print("sha1=%s" % version.content_sha1)
        print("large_file_sha1=%s" % version.file_info.get("large_file_sha1", ""))
    elif command == "put":
        name, source = sys.argv[4], sys.argv[5]
        version = bucket.upload_local_file(local_file=source, file_name=name,
                                           file_infos={"origin": "b2sdk"})
        print("id=%s" % version.id_)
    elif command == "info":
        version = bucket.get_file_info_by_name(sys.argv[4])
        print("sha1=%s" % version.content_sha1)
        for key, value in sorted(version.file_info.items()):
            print("info.%s=%s" % (key, value))
    else:
        raise SystemExit("unknown command " + command)


if __name__ == "__main__":
    main()
