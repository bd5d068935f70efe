/**
 * Request-reply: the HTTP requests waiting for their provisioning outcome, and the
 * consumer that delivers outcomes to the replica holding them.
 * <p>
 * {@link io.trunkline.gateway.reply.RequestReply} owns the protocol: it reads the
 * client's {@code Prefer} header ({@link io.trunkline.gateway.reply.Preferences}),
 * registers an {@link io.trunkline.gateway.reply.AwaitedAnswer} in
 * {@link io.trunkline.gateway.reply.PendingReplies} before the request is submitted,
 * forgets it when the submission is refused, and lets exactly one answer be written — the
 * outcome's, or the database's when the wait ends first — on the
 * {@link io.trunkline.gateway.reply.ReplyWriters}.
 */
package io.trunkline.gateway.reply;
