package zeren;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ZerenApplication.class);

	@Test
	void the_modules_keep_their_boundaries() {
		modules.verify();
	}

	@Test
	void the_module_documentation_is_written() {
		// Canvases are left out: they need javadoc metadata the build does not produce.
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
