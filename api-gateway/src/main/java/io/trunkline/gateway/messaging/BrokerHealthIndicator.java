package io.trunkline.gateway.messaging;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The broker as the last {@link KafkaBroker} check found it, shown under the health
 * endpoint's details. It is deliberately not part of readiness: while Kafka is away the
 * gateway still serves reads and accepts creates into the outbox, so taking it out of the
 * load balancer would turn a delay into an outage. Reading it never waits for the broker.
 */
@Component("kafka")
class BrokerHealthIndicator extends AbstractHealthIndicator {

	private final KafkaBroker broker;

	BrokerHealthIndicator(KafkaBroker broker) {
		this.broker = broker;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		KafkaBroker.Check check = this.broker.lastCheck();
		if (check == null) {
			builder.unknown();
		}
		else if (check.reachable()) {
			builder.up().withDetail("clusterId", check.clusterId()).withDetail("nodes", check.nodes());
		}
		else {
			builder.down().withDetail("problem", check.problem());
		}
	}

}
