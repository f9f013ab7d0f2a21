package org.tryst.safety;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.tryst.TestServer;

/** Rate-limit buckets on SQLite: in the memory of the one process. */
class SqliteBucketStoreTest extends BucketStoreContract {
    @RegisterExtension
    static final TestServer server = TestServer.sqlite();

    @Override
    TestServer server() {
        return server;
    }

    @Override
    boolean sharedByProcesses() {
        return false;
    }

    @Override
    int remembered(Buckets buckets, String limit) {
        return ((LocalBuckets) buckets).size();
    }
}
