package zeren;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ZerenApplication.class);

	@Test
	void the_modules_keep_their_boundaries() {
		modules.verify();
	}

	@Test
	void every_module_declares_the_modules_it_may_use() {
		modules.forEach(module -> {
			ApplicationModule declared = Package.getPackage(module.getBasePackage().getName())
					.getAnnotation(ApplicationModule.class);
			assertThat(declared).as(module.getIdentifier() + " has a package-info with @ApplicationModule").isNotNull();
			assertThat(declared.allowedDependencies()).as(module.getIdentifier() + " declares allowedDependencies")
					.doesNotContain(ApplicationModule.OPEN_TOKEN);
		});
	}

	@Test
	void the_module_documentation_is_written() {
		// Canvases are left out: they need javadoc metadata the build does not produce.
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
