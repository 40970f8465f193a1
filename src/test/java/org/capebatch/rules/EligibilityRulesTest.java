package org.capebatch.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class EligibilityRulesTest {

    @Test
    void inOrder_WhenListed_ThenOneRulePerReasonInSpecOrder() {
        assertThat(EligibilityRules.inOrder()).extracting(EligibilityRule::reason).containsExactly(Reason.values());
    }

    @Test
    void defaults_WhenCreated_ThenSpecDefaults() {
        RulesConfig defaults = RulesConfig.defaults();

        assertThat(defaults.liquidationWindowDays()).isEqualTo(80);
        assertThat(defaults.safetyMarginDays()).isEqualTo(3);
        assertThat(defaults.maxDaysAfterLiquidation()).isEqualTo(77);
        assertThat(defaults.declarantConfigured()).isFalse();
    }

    @Test
    void rulesConfig_WhenBlankOrNullDeclarants_ThenNotConfigured() {
        assertThat(new RulesConfig(80, 3, null, Set.of(" ", "--")).declarantConfigured()).isFalse();
    }

    @Test
    void rulesConfig_WhenMarginExceedsWindow_ThenRefused() {
        assertThatThrownBy(() -> new RulesConfig(3, 4, Set.of(), Set.of()))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
