// Builds Node trees from yaml-cpp's parser events. yaml-cpp's own Load shares an aliased node, but
// every walk over it (ours included) visits each alias in full; building from events lets us count
// those copies and stop at the alias that would exceed kMaxAliasNodes, where it was written.
#include "sim/scenario/detail/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "sim/scenario/detail/read_context.hpp"

namespace munisim::scenario_detail {
namespace {

// A node and what it costs: the nodes it holds (itself included) and its height in collections.
struct Built {
  Node node;
  std::size_t nodes = 1;
  int height = 0;
};

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, bool positions) : file_(file), positions_(positions) {}

  [[nodiscard]] Node take_root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnAnchor(const YAML::Mark&, const std::string& name) override { anchor_name_ = name; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Built built;
    built.node.where = location(mark, true);
    add(std::move(built), anchor);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, const std::string& value) override {
    Built built;
    built.node.kind = Node::Kind::scalar;
    built.node.text = value;
    built.node.where = location(mark, false);
    add(std::move(built), anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Node::Kind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Node::Kind::mapping, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    Built built;
    YAML::anchor_t anchor = 0;
    std::string anchor_name;
  };
  struct Anchored {
    Built built;
    std::string name;
  };

  // Where a new node stands when it has no mark of its own (yaml-cpp gives an empty value none):
  // at its key in a mapping, else at its list or the document start.
  SourceLocation fallback() const {
    if (open_.empty()) return {file_, positions_ ? 1 : 0, positions_ ? 1 : 0};
    const Node& parent = open_.back().built.node;
    const bool is_value = parent.kind == Node::Kind::mapping && parent.keys.size() > parent.values.size();
    return is_value ? parent.keys.back().where : parent.where;
  }

  SourceLocation location(const YAML::Mark& mark, bool is_null) const {
    if (!positions_) return {file_, 0, 0};
    const SourceLocation near = fallback();
    if (mark.is_null() || (is_null && near.line > 0)) return near;
    return {file_, mark.line + 1, mark.column + 1};
  }

  // The key path of the node about to be added, as messages write it ("city.districts[2]").
  std::string path_here() const {
    std::string path;
    for (const Open& frame : open_) {
      const Node& node = frame.built.node;
      if (node.kind == Node::Kind::sequence) {
        path = element_path(path, node.values.size());
      } else if (node.keys.size() > node.values.size()) {
        const Node& key = node.keys.back();
        path = child_path(path, key.kind == Node::Kind::scalar ? key.text : "?");
      }
    }
    return path;
  }

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& problem) const {
    throw InputError(positions_ ? SourceLocation{file_, mark.line + 1, mark.column + 1} : SourceLocation{file_, 0, 0},
                     path_here(), problem);
  }

  void check_depth(const YAML::Mark& mark, int added_height) const {
    if (static_cast<int>(open_.size()) + added_height <= kMaxNestingDepth) return;
    fail(mark, "mappings and lists nest deeper than " + std::to_string(kMaxNestingDepth) +
                   " levels; expected at most " + std::to_string(kMaxNestingDepth));
  }

  void open(Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    check_depth(mark, 1);
    Open frame;
    frame.built.node.kind = kind;
    frame.built.node.where = location(mark, false);
    frame.anchor = anchor;
    if (anchor != 0) frame.anchor_name = std::move(anchor_name_);
    open_.push_back(std::move(frame));
  }

  void close() {
    Open frame = std::move(open_.back());
    open_.pop_back();
    frame.built.height += 1;
    add(std::move(frame.built), frame.anchor, std::move(frame.anchor_name));
  }

  void add(Built built, YAML::anchor_t anchor) { add(std::move(built), anchor, std::move(anchor_name_)); }

  void add(Built built, YAML::anchor_t anchor, std::string anchor_name) {
    if (anchor != 0) anchors_[anchor] = {built, std::move(anchor_name)};
    if (open_.empty()) {
      root_ = std::move(built.node);
      return;
    }
    Built& parent = open_.back().built;
    parent.nodes += built.nodes;
    parent.height = std::max(parent.height, built.height);
    const bool is_key = parent.node.kind == Node::Kind::mapping && parent.node.keys.size() == parent.node.values.size();
    (is_key ? parent.node.keys : parent.node.values).push_back(std::move(built.node));
  }

  const std::string& file_;
  bool positions_;
  std::vector<Open> open_;
  std::map<YAML::anchor_t, Anchored> anchors_;
  std::string anchor_name_;  // named by the anchor event, taken by the node event that follows
  std::size_t alias_nodes_ = 0;
  Node root_;
};

void TreeBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  const auto found = anchors_.find(anchor);
  if (found == anchors_.end()) {
    // yaml-cpp numbers an anchor when its node starts, so only an alias inside its own node gets here.
    fail(mark, "the alias refers to a node that contains it; expected an alias of a node written before it");
  }
  const Anchored& anchored = found->second;
  const std::string name = "'*" + anchored.name + "'";
  if (alias_nodes_ + anchored.built.nodes > kMaxAliasNodes) {
    fail(mark, "the alias " + name + " repeats " + std::to_string(anchored.built.nodes) + " nodes after " +
                   std::to_string(alias_nodes_) + " already repeated by aliases; expected aliases to repeat at most " +
                   std::to_string(kMaxAliasNodes) + " nodes in all");
  }
  check_depth(mark, anchored.built.height);
  alias_nodes_ += anchored.built.nodes;
  Built copy = anchored.built;
  // An aliased empty value stands at the key that uses it, as one written there would.
  if (copy.node.kind == Node::Kind::null) copy.node.where = location(mark, true);
  add(std::move(copy), 0, {});
}

}  // namespace

Node build_tree(std::string_view text, const std::string& file, bool positions) {
  std::istringstream stream{std::string(text)};
  YAML::Parser parser(stream);
  TreeBuilder builder(file, positions);
  parser.HandleNextDocument(builder);
  return builder.take_root();
}

}  // namespace munisim::scenario_detail
