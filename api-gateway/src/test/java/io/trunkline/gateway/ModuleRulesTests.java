package io.trunkline.gateway;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.trunkline.gateway.account.web.RequiresAdminToken;
import io.trunkline.gateway.account.web.RequiresApiKey;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The gateway's structure, checked: it never reaches into another service, its feature
 * packages form no cycles, every controller declares who may call it, and errors are
 * mapped in one advice.
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

	@Test
	void everyControllerDeclaresExactlyOneAccessRule() {
		classes().that().areMetaAnnotatedWith(Controller.class).should(declareExactlyOneAccessRule()).check(gateway);
	}

	@Test
	void mapsErrorsOnlyInTheOneAdvice() {
		methods().that()
			.areAnnotatedWith(ExceptionHandler.class)
			.should()
			.beDeclaredInClassesThat()
			.areAnnotatedWith(RestControllerAdvice.class)
			.check(gateway);
	}

	private static ArchCondition<JavaClass> declareExactlyOneAccessRule() {
		return new ArchCondition<>("carry exactly one of @RequiresApiKey and @RequiresAdminToken") {

			@Override
			public void check(JavaClass controller, ConditionEvents events) {
				int rules = (controller.isAnnotatedWith(RequiresApiKey.class) ? 1 : 0)
						+ (controller.isAnnotatedWith(RequiresAdminToken.class) ? 1 : 0);
				events.add(new SimpleConditionEvent(controller, rules == 1,
						controller.getName() + " carries " + rules + " access rules"));
			}

		};
	}

}
