package io.trunkline.schema;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The contract module stays plain Java: no Spring, no service code, no package cycles.
 */
class SharedSchemaRulesTests {

	static final JavaClasses schema = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.trunkline.schema");

	@Test
	void dependsOnNoSpring() {
		noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..").check(schema);
	}

	@Test
	void dependsOnNoService() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.trunkline.gateway..", "io.trunkline.worker..", "io.trunkline.localstack..")
			.check(schema);
	}

	@Test
	void hasNoPackageCycles() {
		slices().matching("io.trunkline.schema.(*)..").should().beFreeOfCycles().check(schema);
	}

}
