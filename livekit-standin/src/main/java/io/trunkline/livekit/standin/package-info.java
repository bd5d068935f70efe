/**
 * A stand-in for LiveKit's SIP trunk API that speaks its Twirp protocol byte for byte, so
 * that the provisioning worker's tests and the local stack run with no LiveKit account,
 * and failures can be injected on demand.
 */
package io.trunkline.livekit.standin;
