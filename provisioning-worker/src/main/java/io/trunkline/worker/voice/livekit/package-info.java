/**
 * LiveKit's SIP service spoken exactly: Twirp over HTTP with LiveKit's own protocol
 * classes and access tokens.
 */
package io.trunkline.worker.voice.livekit;
