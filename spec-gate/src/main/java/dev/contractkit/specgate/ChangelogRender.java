package dev.contractkit.specgate;

import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * openapi-diff's Markdown report, minus its crash on a media type whose schema did not change: when only an
 * example changed, the diff has a changed media type with no changed schema, and MarkdownRender (2.1.3, and
 * OpenAPITools/openapi-diff#870 upstream) renders that missing schema regardless. Say what changed instead.
 */
final class ChangelogRender extends MarkdownRender {

    @Override
    protected String itemContent(int deepness, String mediaType, ChangedMediaType content) {
        if (content.getSchema() == null) {
            return itemContent("Changed content type", mediaType) + "Its examples changed; its schema did not.\n\n";
        }
        return super.itemContent(deepness, mediaType, content);
    }

    @Override
    protected String schema(int deepness, ChangedSchema schema) {
        return schema == null ? "" : super.schema(deepness, schema);
    }
}
