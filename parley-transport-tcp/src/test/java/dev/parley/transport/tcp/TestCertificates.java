package dev.parley.transport.tcp;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made in the test: a CA, and leaf certificates it signs for given names. */
final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(1);

    /** A key and its certificate chain (leaf first). */
    record Identity(PrivateKey key, X509Certificate[] chain) {
        X509Certificate certificate() {
            return chain[0];
        }
    }

    private TestCertificates() {
    }

    static Identity authority(String name) {
        KeyPair keys = keys();
        X509Certificate cert = sign(new X500Name("CN=" + name), keys, new X500Name("CN=" + name), keys.getPrivate(),
                true, null);
        return new Identity(keys.getPrivate(), new X509Certificate[] {cert});
    }

    /** A leaf certificate for {@code dnsOrIp} names (an IP is written as one), signed by {@code ca}. */
    static Identity leaf(Identity ca, String commonName, String... dnsOrIp) {
        KeyPair keys = keys();
        GeneralName[] names = new GeneralName[dnsOrIp.length];
        for (int i = 0; i < dnsOrIp.length; i++) {
            boolean ip = dnsOrIp[i].chars().allMatch(c -> c == '.' || Character.isDigit(c));
            names[i] = new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, dnsOrIp[i]);
        }
        X509Certificate cert = sign(new X500Name("CN=" + commonName), keys,
                new X500Name(ca.certificate().getSubjectX500Principal().getName()), ca.key(), false,
                names.length == 0 ? null : new GeneralNames(names));
        return new Identity(keys.getPrivate(), new X509Certificate[] {cert, ca.certificate()});
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
            boolean ca, GeneralNames names) {
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIAL.getAndIncrement()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(1))), subject, subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (names != null) {
                b.addExtension(Extension.subjectAlternativeName, false, names);
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (OperatorCreationException | GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
