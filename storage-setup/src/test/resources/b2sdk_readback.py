"""Reads a bucket's settings and the account's keys back with b2sdk, an independent B2 client.

Usage: /usr/bin/python3 b2sdk_readback.py REALM_URL BUCKET_NAME
The key id and key come from B2_APPLICATION_KEY_ID / B2_APPLICATION_KEY. Prints one JSON document.
"""
import json
import os
import sys

from b2sdk.v2 import B2Api, InMemoryAccountInfo


def main():
    realm, bucket_name = sys.argv[1], sys.argv[2]
    api = B2Api(InMemoryAccountInfo())
    api.authorize_account(realm, os.environ["B2_APPLICATION_KEY_ID"], os.environ["B2_APPLICATION_KEY"])
    bucket = api.get_bucket_by_name(bucket_name)
    sse = bucket.default_server_side_encryption
    keys = [
        {
            "keyName": k.key_name,
            "applicationKeyId": k.id_,
            "capabilities": sorted(k.capabilities),
            "bucketId": k.bucket_id,
            "namePrefix": k.name_prefix,
        }
        for k in api.list_keys()
    ]
    print(json.dumps({
        "bucketId": bucket.id_,
        "bucketType": bucket.type_,
        "encryption": sse.mode.value if sse.mode is not None else None,
        "fileLock": bucket.is_file_lock_enabled,
        "corsRules": bucket.cors_rules,
        "lifecycleRules": bucket.lifecycle_rules,
        "keys": keys,
    }, sort_keys=True))


if __name__ == "__main__":
    main()
