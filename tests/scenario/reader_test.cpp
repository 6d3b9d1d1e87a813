// The reading rules for every field type the schema allows, on a small struct of its own, so that
// types no domain uses yet (booleans, lists of texts) are covered too.
#include "sim/scenario/detail/reader.hpp"

#include <gtest/gtest.h>

#include "sim/scenario/detail/validation.hpp"

namespace munisim::scenario_detail {
namespace {

struct Inner {
  double share = 0.5;
  template <class V>
  void visit(V& v) {
    v.field("share", share, {.unit = "1", .min = 0, .max = 1});
  }
};

struct Entry {
  std::string name;
  template <class V>
  void visit(V& v) {
    v.field("name", name, {.required = true});
  }
};

struct Sample {
  bool enabled = false;
  int lanes = 1;
  std::int64_t people = 0;
  double speed_kmh = 30;
  std::string mode = "bus";
  Date start{2025, 1, 1};
  std::vector<double> shares = {0.5, 0.5};
  std::vector<std::string> modes = {"bus"};
  Inner inner;
  std::vector<Entry> entries;

  template <class V>
  void visit(V& v) {
    v.field("enabled", enabled, {});
    v.field("lanes", lanes, {.min = 1, .max = 8});
    v.field("people", people, {.min = 0});
    v.field("speed_kmh", speed_kmh, {.min = 5, .max = 130});
    v.field("mode", mode, {.choices = {"bus", "combi"}});
    v.field("start", start, {});
    v.field("shares", shares, {.min = 0, .max = 1});
    v.field("modes", modes, {.choices = {"bus", "combi", "walk"}});
    v.object("inner", inner, {});
    v.list("entries", entries, {.min = 1});
  }
  void check(schema::Checks& checks) const {
    if (enabled && modes.empty()) checks.fail("modes", "is empty; expected at least one mode when enabled");
  }
};

Sample read(const std::string& yaml) {
  Sample sample;
  ReadContext context;
  read_mapping(context, parse_yaml(yaml, "sample.yaml"), "", sample);
  Validator::validate(context, "", sample);
  return sample;
}

std::string error_of(const std::string& yaml) {
  try {
    (void)read(yaml);
  } catch (const InputError& error) {
    return error.what();
  }
  return "no error";
}

TEST(Reader, ReadsEveryFieldType) {
  const Sample sample = read(
      "enabled: true\nlanes: 3\npeople: 9007199254740991\nspeed_kmh: 12.5\nmode: combi\nstart: 2024-02-29\n"
      "shares: [0.25, 0.75]\nmodes: [walk, combi]\ninner: {share: 1}\nentries: [{name: a}, {name: b}]\n");
  EXPECT_TRUE(sample.enabled);
  EXPECT_EQ(sample.lanes, 3);
  EXPECT_EQ(sample.people, 9007199254740991);
  EXPECT_DOUBLE_EQ(sample.speed_kmh, 12.5);
  EXPECT_EQ(sample.mode, "combi");
  EXPECT_EQ(sample.start, (Date{2024, 2, 29}));
  EXPECT_EQ(sample.shares, (std::vector<double>{0.25, 0.75}));
  EXPECT_EQ(sample.modes, (std::vector<std::string>{"walk", "combi"}));
  EXPECT_DOUBLE_EQ(sample.inner.share, 1);
  ASSERT_EQ(sample.entries.size(), 2u);
  EXPECT_EQ(sample.entries[1].name, "b");
}

TEST(Reader, KeepsDefaultsForKeysNotGiven) {
  const Sample sample = read("entries: [{name: a}]\n");
  EXPECT_FALSE(sample.enabled);
  EXPECT_EQ(sample.modes, std::vector<std::string>{"bus"});
  EXPECT_DOUBLE_EQ(sample.inner.share, 0.5);
}

struct BadValue {
  std::string yaml;
  std::string message;
};

class ReaderRejects : public ::testing::TestWithParam<BadValue> {};

TEST_P(ReaderRejects, WithLocationPathAndExpectation) { EXPECT_EQ(error_of(GetParam().yaml), GetParam().message); }

INSTANTIATE_TEST_SUITE_P(
    Cases, ReaderRejects,
    ::testing::Values(
        BadValue{"entries: [{name: a}]\nenabled: yes\n",
                 "sample.yaml:2:10: enabled: expected true or false, got 'yes'"},
        BadValue{"entries: [{name: a}]\nenabled: 1\n", "sample.yaml:2:10: enabled: expected true or false, got '1'"},
        BadValue{"entries: [{name: a}]\nlanes: 2.0\n", "sample.yaml:2:8: lanes: expected an integer, got '2.0'"},
        BadValue{"entries: [{name: a}]\nlanes: 9\n", "sample.yaml:2:8: lanes: 9 is not in [1, 8]"},
        BadValue{"entries: [{name: a}]\npeople: -1\n", "sample.yaml:2:9: people: -1 is below the minimum 0"},
        BadValue{"entries: [{name: a}]\nspeed_kmh: fast\n",
                 "sample.yaml:2:12: speed_kmh: expected a number, got 'fast'"},
        BadValue{"entries: [{name: a}]\nspeed_kmh: .nan\n",
                 "sample.yaml:2:12: speed_kmh: expected a number, got '.nan'"},
        BadValue{"entries: [{name: a}]\nmode: taxi\n", "sample.yaml:2:7: mode: 'taxi' is not one of bus, combi"},
        BadValue{"entries: [{name: a}]\nmode: [bus]\n", "sample.yaml:2:7: mode: expected text, got a list"},
        BadValue{"entries: [{name: a}]\nstart: 2025-13-01\n",
                 "sample.yaml:2:8: start: expected a date YYYY-MM-DD, got '2025-13-01'"},
        BadValue{"entries: [{name: a}]\nshares: [0.5, 2]\n", "sample.yaml:2:15: shares[1]: 2 is not in [0, 1]"},
        BadValue{"entries: [{name: a}]\nmodes: [bus, taxi]\n",
                 "sample.yaml:2:14: modes[1]: 'taxi' is not one of bus, combi, walk"},
        BadValue{"entries: [{name: a}]\nmodes: walk\n", "sample.yaml:2:8: modes: expected a list, got 'walk'"},
        BadValue{"entries: [{name: a}]\ninner: {shar: 1}\n",
                 "sample.yaml:2:9: inner.shar: unknown key 'shar'; did you mean 'share'?"},
        BadValue{"entries: []\n", "sample.yaml:1:10: entries: has 0 entries; expected at least 1"},
        BadValue{"entries: [{}]\n", "sample.yaml:1:11: entries[0].name: required key is missing"},
        BadValue{"entries: [{name: a}]\nenabled: true\nmodes: []\n",
                 "sample.yaml:3:8: modes: is empty; expected at least one mode when enabled"},
        BadValue{"entries: [{name: a}]\nlanes:\n", "sample.yaml:2:1: lanes: expected an integer, got nothing"}));

}  // namespace
}  // namespace munisim::scenario_detail
