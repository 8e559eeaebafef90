/**
 * The one picture a playground customer can send: a small PNG of a cracked
 * phone (48×36), built in so the demo needs no upload. Plain data, safe for
 * the chat page to show as it is.
 */
export const SAMPLE_PHOTO_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAADAAAAAkCAIAAABAJy5dAAAA2ElEQVR42tXYMRKAIAwEQF9i7SP8/1Osbey1chwRzF2OAA6lkR2BQJiOzp5pGNC27VeblxVtxkAShJrsITDo/rrdBL3PgNA+ID0JspvQ8eVBRlMo6NdETH8vqGDi1qMAlOuby1gaUGqi86cM9DJ1AXqaOI0eRM/lCFBHQ+b5T7VAjfNQbqkTplp5iDaJQc3OQ+gmajcFgewm2W6vOsvWPQ8RJg2IqEByUYIjLF2jfca2ARVM3qqD0xRMEXUZZHKBnJpPE19KSzSpqQvQ0xR3HWM0jX9h1eo5AcwlT+y0/DdLAAAAAElFTkSuQmCC";
export const SAMPLE_PHOTO_DATA_URL = `data:image/png;base64,${SAMPLE_PHOTO_BASE64}`;
