package io.trunkline.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The gateway's structure, checked: it never reaches into another service, and its
 * feature packages form no cycles.
 */
class ModuleRulesTests {

	static final JavaClasses gateway = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.trunkline.gateway");

	@Test
	void dependsOnNoOtherService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.trunkline.worker..", "io.trunkline.localstack..", "io.trunkline.livekit..",
					"io.trunkline.local..")
			.check(gateway);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("io.trunkline.gateway.(*)..").should().beFreeOfCycles().check(gateway);
	}

	@Test
	void neverDecryptsSecrets() {
		noClasses().should()
			.callMethod(io.trunkline.schema.secret.SecretCipher.class, "decrypt",
					io.trunkline.schema.secret.EncryptedSecret.class, String.class)
			.check(gateway);
	}

}
