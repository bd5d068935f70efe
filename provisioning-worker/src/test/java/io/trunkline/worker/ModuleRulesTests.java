package io.trunkline.worker;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The worker's structure, checked: it never reaches into another service or the stand-in,
 * its feature packages form no cycles, only the voice package speaks LiveKit's protocol,
 * and the fault-tolerance library stays inside the voice package, which turns what it
 * throws into facts of its own.
 */
class ModuleRulesTests {

	static final JavaClasses worker = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.trunkline.worker");

	@Test
	void dependsOnNoOtherServiceNorTheStandIn() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.trunkline.gateway..", "io.trunkline.localstack..", "io.trunkline.livekit..",
					"io.trunkline.local..")
			.check(worker);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("io.trunkline.worker.(*)..").should().beFreeOfCycles().check(worker);
	}

	@Test
	void onlyTheLiveKitAdapterSpeaksLiveKit() {
		noClasses().that()
			.resideOutsideOfPackage("io.trunkline.worker.voice.livekit..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("livekit..", "io.livekit..")
			.check(worker);
	}

	@Test
	void provisioningAndRecoveryKnowNothingOfResilience4j() {
		noClasses().that()
			.resideInAnyPackage("..worker.provisioning..", "..worker.recovery..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.resilience4j..")
			.check(worker);
	}

}
