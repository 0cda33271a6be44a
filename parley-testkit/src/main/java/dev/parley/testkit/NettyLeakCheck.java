package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Netty's leak detector, at paranoid level (set by the POM), made to fail tests: a launcher listener
 * installs a detector that records leaks instead of only logging them, before any test touches Netty, and
 * the extension fails a test class when leaks have been recorded by its end.
 *
 * <p>For a module whose tests use Netty: run them with {@code -Dio.netty.leakDetection.level=paranoid}, list
 * {@code dev.parley.testkit.NettyLeakCheck$Installer} in the test resources'
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener} (it needs
 * {@code junit-platform-launcher} on the test class path), and put
 * {@code @ExtendWith(NettyLeakCheck.class)} on the test classes. Netty itself is the module's own dependency.
 */
public final class NettyLeakCheck implements AfterAllCallback {

    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();

    /** Installs the recording detector when the test run starts. */
    public static final class Installer implements LauncherSessionListener {
        @Override
        public void launcherSessionOpened(LauncherSession session) {
            ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new ResourceLeakDetectorFactory() {
                @Override
                @SuppressWarnings("deprecation")
                public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval,
                        long maxActive) {
                    return new Recording<>(resource, samplingInterval);
                }
            });
        }
    }

    private static final class Recording<T> extends ResourceLeakDetector<T> {
        Recording(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.add(resourceType + " leaked:" + records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LEAKS.add(resourceType + " leaked (untraced)");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Leaks are found when a leaked buffer has been collected and a later allocation polls for them.
        for (int i = 0; i < 3; i++) {
            System.gc();
            for (int j = 0; j < 64; j++) {
                ByteBuf b = PooledByteBufAllocator.DEFAULT.buffer(64);
                b.release();
            }
        }
        assertThat(LEAKS).as("Netty buffers leaked").isEmpty();
    }
}
