package org.wushe.web;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.HierarchicalMessageSource;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Messages that put a user's sentence inside their own ("{0}退回了这篇稿件：{1}。") end in a doubled full stop when the
 * sentence already ends in one ("请补充照片。。"). Every resolved message, in pages, flashes and exports alike, has a
 * full stop that follows another sentence end (。！？ or their English forms) dropped.
 */
@Component
class SentenceEnds implements BeanPostProcessor {

	/** A full stop right after a sentence end; an English one only after a single full stop (not "..." ellipses). */
	private static final Pattern DOUBLED = Pattern.compile("(?<=[。！？])。|(?<=[!?])\\.|(?<=(?:^|[^.])\\.)\\.(?!\\.)");

	static String collapse(String message) {
		if (message == null || message.length() < 2) {
			return message;
		}
		return DOUBLED.matcher(message).replaceAll("");
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(beanName) && bean instanceof MessageSource source
				&& !(bean instanceof Collapsing)) {
			return new Collapsing(source);
		}
		return bean;
	}

	/** The application's message source, answering with doubled full stops collapsed. */
	static final class Collapsing implements HierarchicalMessageSource {

		private final MessageSource delegate;

		Collapsing(MessageSource delegate) {
			this.delegate = delegate;
		}

		@Override
		public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
			return collapse(delegate.getMessage(code, args, defaultMessage, locale));
		}

		@Override
		public String getMessage(String code, Object[] args, Locale locale) throws NoSuchMessageException {
			return collapse(delegate.getMessage(code, args, locale));
		}

		@Override
		public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
			return collapse(delegate.getMessage(resolvable, locale));
		}

		@Override
		public void setParentMessageSource(MessageSource parent) {
			if (delegate instanceof HierarchicalMessageSource h) {
				h.setParentMessageSource(parent);
			}
		}

		@Override
		public MessageSource getParentMessageSource() {
			return delegate instanceof HierarchicalMessageSource h ? h.getParentMessageSource() : null;
		}

	}

}
