using HetaoSite.Core.Rendering;
using Scriban;
using Scriban.Runtime;

namespace HetaoSite.Core.Tests.Rendering;

/// <summary>What templates and the page hashes see of a <see cref="ShapedObject"/>.</summary>
public sealed class ShapedObjectTests
{
    private static readonly ObjectShape Event = new(shared: true, "title", "sources", "planned");
    private static readonly ObjectShape Source = new(shared: false, "name");

    private static ShapedObject Make(string title, params string[] sources) => new(Event)
    {
        ["title"] = title,
        ["sources"] = new ScriptArray(sources.Select(s => new ShapedObject(Source) { ["name"] = s })),
        ["planned"] = false,
    };

    private static string Render(string template, object e)
    {
        var globals = new ScriptObject { ["e"] = e };
        var context = new TemplateContext();
        context.PushGlobal(globals);
        return Template.Parse(template).Render(context);
    }

    [Fact]
    public void Templates_read_its_members_as_those_of_a_script_object_and_a_member_it_lacks_is_empty()
    {
        const string template = "{{ e.title }}|{{ e.sources.size }}|{{ e.sources[1].name }}|{{ e.missing }}|{{ if e.planned }}planned{{ else }}done{{ end }}";

        var shaped = Render(template, Make("開園", "甲報", "乙報"));
        var plain = Render(template, new ScriptObject
        {
            ["title"] = "開園",
            ["sources"] = new ScriptArray { new ScriptObject { ["name"] = "甲報" }, new ScriptObject { ["name"] = "乙報" } },
            ["planned"] = false,
        });

        Assert.Equal("開園|2|乙報||done", shaped);
        Assert.Equal(plain, shaped);
    }

    [Theory]
    [InlineData("{{ e }}")]
    [InlineData("{{ e | object.to_json }}")]
    [InlineData("{{ e | object.keys | array.join ',' }}")]
    [InlineData("{{ e | object.size }}")]
    [InlineData("{{ e | object.has_key 'planned' }}|{{ e | object.has_key 'missing' }}")]
    [InlineData("{{ for kv in e }}{{ kv.key }}={{ kv.value }};{{ end }}")]
    [InlineData("{{ x = e; x.title }}")]
    public void The_builtins_treat_it_as_they_treat_a_script_object(string template)
    {
        var plain = new ScriptObject
        {
            ["title"] = "開園",
            ["sources"] = new ScriptArray { new ScriptObject { ["name"] = "甲報" } },
            ["planned"] = false,
        };

        Assert.Equal(Render(template, plain), Render(template, Make("開園", "甲報")));
    }

    [Fact]
    public void A_template_cannot_change_it()
    {
        var e = Make("開園");

        Assert.Throws<Scriban.Syntax.ScriptRuntimeException>(() => Render("{{ e.title = '改' }}", e));
        Assert.Equal("開園", e["title"]);
    }

    [Fact]
    public void Setting_a_member_its_shape_lacks_is_a_mistake_of_the_model()
    {
        Assert.Throws<ArgumentException>(() => new ShapedObject(Source) { ["title"] = "x" });
    }

    [Fact]
    public void Its_hash_follows_every_value_under_it_and_a_shared_one_keeps_its_hash()
    {
        var hasher = new ValueHasher(new ScriptObject());
        string Hash(ShapedObject e) => hasher.Of(new ScriptArray { e });

        var e = Make("開園", "甲報");
        Assert.Equal(Hash(Make("開園", "甲報")), Hash(e));
        Assert.NotEqual(Hash(e), Hash(Make("開幕", "甲報")));
        Assert.NotEqual(Hash(e), Hash(Make("開園", "乙報")));
        Assert.NotEqual(Hash(e), Hash(Make("開園", "甲報", "乙報")));
        Assert.NotNull(e.Hash);
        Assert.Null(((ShapedObject)((ScriptArray)e["sources"]!)[0]!).Hash);
    }
}
