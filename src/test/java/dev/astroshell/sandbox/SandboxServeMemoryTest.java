package dev.astroshell.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import com.sun.management.HotSpotDiagnosticMXBean;

/** {@code sandbox serve} gives memory back: the heap keeps little free space and an idle server collects. */
class SandboxServeMemoryTest {

	@Test
	void setsTheJvmToReturnMemoryWhenIdle() {
		SandboxCommands.returnMemoryWhenIdle();
		HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo("20");
		assertThat(vm.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo("10");
		assertThat(vm.getVMOption("G1PeriodicGCInterval").getValue()).isEqualTo("5000");
	}
}
