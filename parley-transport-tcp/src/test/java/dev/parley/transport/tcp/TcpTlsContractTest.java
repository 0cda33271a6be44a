package dev.parley.transport.tcp;

import dev.parley.testkit.NettyLeakCheck;
import dev.parley.Parley;
import dev.parley.transport.tcp.TestCertificates.Identity;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole transport contract suite again, with every connection over mutual TLS. */
@ExtendWith(NettyLeakCheck.class)
class TcpTlsContractTest extends TcpTransportContractTest {

    private static final Identity CA = TestCertificates.authority("suite-ca");
    private static final Identity SERVER = TestCertificates.leaf(CA, "server", "127.0.0.1");
    private static final Identity CLIENT = TestCertificates.leaf(CA, "client");
    private static final TcpOptions TLS = TcpOptions.DEFAULT.withTls(
            TcpTls.mutualServer(SERVER.key(), SERVER.chain(), CA.certificate()),
            TcpTls.mutualClient(CLIENT.key(), CLIENT.chain(), CA.certificate()));

    @Override
    protected Parley.Builder runtimeBuilder() {
        return Parley.builder().transport(new TcpTransportProvider(TLS));
    }
}
